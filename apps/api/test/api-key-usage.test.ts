import { openDatabase } from '@switchboard/db';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { authenticate } from '../src/auth/authenticate';
import { LAST_USED_PRECISION_MS } from '../src/auth/key-usage';
import { send, startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('lastUsedAt of API keys on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const lastUsedAt = async (id: string) =>
    (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id } })).lastUsedAt;

  test('a request with a key sets it, and the key list shows it', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Used' });
    expect(await lastUsedAt(created.id)).toBeNull();
    const before = Date.now();
    const res = await send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': created.key } });
    expect(res.status).toBe(200);
    const written = await lastUsedAt(created.id);
    expect(written?.getTime()).toBeGreaterThanOrEqual(before);
    expect(written?.getTime()).toBeLessThanOrEqual(Date.now());
    const listed = (await api.a.request('GET', '/v1/api-keys')).body.apiKeys;
    expect(listed.find((key: { id: string }) => key.id === created.id).lastUsedAt).toBe(
      written?.toISOString(),
    );
  });

  test('an access token counts as a use of its key', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Token source' });
    const issued = await send(`${api.url}/workspaces/${api.a.workspace.id}/generate-access-key-token`, {
      method: 'POST',
      headers: { 'x-api-key': created.key, 'content-type': 'application/json' },
      body: '{}',
    });
    expect(issued.status).toBe(200);
    const keyUsedAt = await lastUsedAt(created.id);
    expect(keyUsedAt).not.toBeNull();
    const later = new Date((keyUsedAt?.getTime() ?? 0) + LAST_USED_PRECISION_MS);
    const bearer = { authorization: `Bearer ${issued.body.token}` };
    expect((await authenticate(api.db.prisma, bearer, { now: later })).kind).toBe('principal');
    expect(await lastUsedAt(created.id)).toEqual(later);
  });

  test('it is written at most once a minute per key, not once per request', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Busy' });
    const headers = { 'x-api-key': created.key };
    const t0 = new Date();
    await authenticate(api.db.prisma, headers, { now: t0 });
    expect(await lastUsedAt(created.id)).toEqual(t0);
    for (const offset of [1, 1_000, LAST_USED_PRECISION_MS - 1]) {
      await authenticate(api.db.prisma, headers, { now: new Date(t0.getTime() + offset) });
      expect(await lastUsedAt(created.id)).toEqual(t0);
    }
    const aMinuteLater = new Date(t0.getTime() + LAST_USED_PRECISION_MS);
    await authenticate(api.db.prisma, headers, { now: aMinuteLater });
    expect(await lastUsedAt(created.id)).toEqual(aMinuteLater);
  });

  test('a refused credential writes nothing', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Wrong org header' });
    const res = await send(`${api.url}/v1/workspaces`, {
      headers: { 'x-api-key': created.key, organizationid: api.b.organization.id },
    });
    expect(res.status).toBe(401);
    expect(await lastUsedAt(created.id)).toBeNull();
  });
});

// A second Prisma client stands for a second API process (PostgreSQL only: PGlite is one process).
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'lastUsedAt across processes on %s',
  (kind) => {
    let api: TestApi;
    beforeAll(async () => {
      api = await startTestApi(kind);
    });
    afterAll(() => api.close());

    test('another process does not rewrite a value written less than a minute ago', async () => {
      const other = await openDatabase({ databaseUrl: api.db.url, poolSize: 1 });
      try {
        const created = await api.a.caller.apiKeys.create({ name: 'Shared' });
        const headers = { 'x-api-key': created.key };
        const t0 = new Date();
        await authenticate(api.db.prisma, headers, { now: t0 });
        await authenticate(other.prisma, headers, { now: new Date(t0.getTime() + 30_000) });
        expect(
          (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } })).lastUsedAt,
        ).toEqual(t0);
      } finally {
        await other.close();
      }
    });
  },
);
