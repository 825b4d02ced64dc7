import { openDatabase } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authenticate } from '../src/auth/authenticate';
import { CREDENTIAL_TTL_MS, CredentialCache } from '../src/auth/credential-cache';
import type { Principal } from '../src/auth/principal';
import { send, startTestApi, type TestApi } from './support/test-api';

const principal = (organizationId: string, apiKeyId = 'key-1'): Principal => ({
  organizationId,
  credentialType: 'API_KEY',
  credentialId: apiKeyId,
  apiKeyId,
  apiKeyPrefix: 'sb_000000000000',
  isOwner: false,
  canActForUsers: false,
});

describe('CredentialCache', () => {
  const t0 = new Date('2026-01-01T00:00:00Z');
  const at = (ms: number) => new Date(t0.getTime() + ms);

  test('trusts a credential for CREDENTIAL_TTL_MS after the database confirmed it, then asks again', () => {
    const cache = new CredentialCache();
    cache.remember('h', { principal: principal('org'), checkedAt: t0 }, cache.generation());
    expect(cache.get('h', at(CREDENTIAL_TTL_MS - 1))).toEqual(principal('org'));
    expect(cache.get('h', at(CREDENTIAL_TTL_MS))).toBeUndefined();
    expect(cache.get('h', at(0))).toBeUndefined(); // expired entries are dropped, not kept
  });

  test("an access token is refused from the cache the moment it expires, whatever the cache's bound", () => {
    const cache = new CredentialCache();
    const tokenExpiresAt = at(500);
    cache.remember('h', { principal: principal('org'), checkedAt: t0, tokenExpiresAt }, cache.generation());
    expect(cache.get('h', at(499))).toBeDefined();
    expect(cache.get('h', at(500))).toBeUndefined();
  });

  test("forgetting an organization drops its credentials and keeps other organizations'", () => {
    const cache = new CredentialCache();
    cache.remember('a', { principal: principal('org-a'), checkedAt: t0 }, cache.generation());
    cache.remember('b', { principal: principal('org-b'), checkedAt: t0 }, cache.generation());
    cache.forgetOrganization('org-a');
    expect(cache.get('a', t0)).toBeUndefined();
    expect(cache.get('b', t0)).toBeDefined();
    cache.forgetAll();
    expect(cache.get('b', t0)).toBeUndefined();
  });

  test('a lookup that started before a revocation cannot store its stale answer after it', () => {
    const cache = new CredentialCache();
    const started = cache.generation(); // lookup reads the key: not revoked yet
    cache.forgetOrganization('org'); // meanwhile the key is revoked and the cache cleared
    cache.remember('h', { principal: principal('org'), checkedAt: t0 }, started);
    expect(cache.get('h', t0)).toBeUndefined();
  });
});

describe.each(testDatabaseKinds())('cached credentials on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const get = (key: string) => send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': key } });
  // /v1/workspaces is a Sharely path: Sharely's error body, with the errorId it logs.
  const revokedBody = {
    error: 'Unauthorized',
    message: 'This API key has been revoked.',
    errorId: expect.any(String),
  };

  test.each([
    ['REST DELETE', (id: string) => api.a.request('DELETE', `/v1/api-keys/${id}`)],
    ['tRPC', (id: string) => api.a.client.apiKeys.revoke.mutate({ apiKeyId: id })],
    ['createCaller', (id: string) => api.a.caller.apiKeys.revoke({ apiKeyId: id })],
  ])('a key in use and revoked through %s is refused on the very next request', async (_, revoke) => {
    const created = await api.a.caller.apiKeys.create({ name: 'Busy key' });
    expect((await get(created.key)).status).toBe(200); // now cached
    expect((await get(created.key)).status).toBe(200); // served from the cache
    await revoke(created.id);
    const after = await get(created.key);
    expect(after.status).toBe(401);
    expect(after.body).toEqual(revokedBody);
  });

  test('mutations without a valid credential do not flush the cache', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Kept' });
    const headers = { 'x-api-key': created.key };
    const checkedAt = new Date();
    expect((await authenticate(api.db.prisma, headers, { now: checkedAt })).kind).toBe('principal');
    const anonymous = await send(`${api.url}/v1/workspaces`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{"name":"x"}',
    });
    expect(anonymous.status).toBe(401);
    // Revoked behind the cache's back (as another process would): still answered from the cache,
    // which shows the anonymous mutation did not empty it.
    await api.db.prisma.apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    const soon = new Date(checkedAt.getTime() + 1);
    expect((await authenticate(api.db.prisma, headers, { now: soon })).kind).toBe('principal');
  });

  test("a mutation that changes no credential keeps the organization's cached credentials", async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Writer' });
    const headers = { 'x-api-key': created.key };
    const checkedAt = new Date();
    expect((await authenticate(api.db.prisma, headers, { now: checkedAt })).kind).toBe('principal');
    const write = await api.a.request('POST', '/ccaas/1/conversations', { topic: 'Cache stays' }, headers);
    expect(write.status).toBe(200);
    // Revoked behind the cache's back: answered from the cache, so the write did not empty it
    // (creates are the hot path; each would otherwise cost the next request a key lookup).
    await api.db.prisma.apiKey.update({ where: { id: created.id }, data: { revokedAt: new Date() } });
    const soon = new Date(checkedAt.getTime() + 1);
    expect((await authenticate(api.db.prisma, headers, { now: soon })).kind).toBe('principal');
  });

  test('an access token in use is refused on the next request once its key is revoked', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Token source' });
    const token = (
      await send(`${api.url}/workspaces/${api.a.workspace.id}/generate-access-key-token`, {
        method: 'POST',
        headers: { 'x-api-key': created.key, 'content-type': 'application/json' },
        body: '{}',
      })
    ).body.token;
    const bearer = () => send(`${api.url}/v1/workspaces`, { headers: { authorization: `Bearer ${token}` } });
    expect((await bearer()).status).toBe(200);
    await api.a.caller.apiKeys.revoke({ apiKeyId: created.id });
    expect((await bearer()).status).toBe(401);
  });
});

// Two processes on one database need a server: PostgreSQL only (PGlite's data directory is locked
// to one process). A second Prisma client stands for a second API process: it has its own cache.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'cached credentials across processes on %s',
  (kind) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(kind);
    });
    afterAll(() => api.close());

    test('another process refuses a revoked key once CREDENTIAL_TTL_MS has passed since it checked', async () => {
      const other = await openDatabase({ databaseUrl: api.db.url, poolSize: 1 });
      try {
        const created = await api.a.caller.apiKeys.create({ name: 'Shared key' });
        const headers = { 'x-api-key': created.key };
        const checkedAt = new Date();
        expect((await authenticate(other.prisma, headers, { now: checkedAt })).kind).toBe('principal');
        await api.a.caller.apiKeys.revoke({ apiKeyId: created.id });

        // The documented bound: within it the other process may still accept the key…
        const within = new Date(checkedAt.getTime() + CREDENTIAL_TTL_MS - 1);
        expect((await authenticate(other.prisma, headers, { now: within })).kind).toBe('principal');
        // …and once it has passed, it asks the database and refuses.
        const after = new Date(checkedAt.getTime() + CREDENTIAL_TTL_MS);
        expect(await authenticate(other.prisma, headers, { now: after })).toMatchObject({
          kind: 'rejected',
          error: { message: 'This API key has been revoked.' },
        });
      } finally {
        await other.close();
      }
    });
  },
);
