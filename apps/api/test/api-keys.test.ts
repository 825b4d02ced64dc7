import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('API keys on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const withKey = (key: string, method: string, path: string, body?: unknown) =>
    send(`${api.url}${path}`, {
      method,
      headers: { 'x-api-key': key, ...(body === undefined ? {} : { 'content-type': 'application/json' }) },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });

  test('create shows the key once; list shows it by prefix only; the new key authenticates', async () => {
    const created = await api.a.request('POST', '/v1/api-keys', { name: 'Reporting' });
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(String),
      name: 'Reporting',
      prefix: expect.stringMatching(/^sb_[0-9a-f]{12}$/),
      key: expect.stringMatching(/^sb_[0-9a-f]{12}_/),
      createdAt: expect.any(String),
    });
    const { key, prefix, id } = created.body;
    expect(key.startsWith(`${prefix}_`)).toBe(true);

    const list = await api.a.request('GET', '/v1/api-keys');
    expect(list.status).toBe(200);
    const listed = list.body.apiKeys.find((k: { id: string }) => k.id === id);
    expect(listed).toEqual({
      id,
      name: 'Reporting',
      prefix,
      isOwner: false,
      canActForUsers: false,
      createdAt: created.body.createdAt,
      lastUsedAt: null,
      revokedAt: null,
    });
    const listText = JSON.stringify(list.body);
    expect(listText).not.toContain(key);
    expect(listText).not.toMatch(/hash/);

    const row = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id } });
    expect(row.hash).not.toBe(key);
    expect(row.hash).not.toContain(key.slice(16));

    expect((await withKey(key, 'GET', '/v1/workspaces')).status).toBe(200);
  });

  test('create is audited without the key or its hash', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'Audited', canActForUsers: true });
    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: created.id },
      omit: { sequence: true },
    });
    expect(events).toHaveLength(1);
    expect(events[0]).toMatchObject({
      action: 'apiKey.create',
      actorType: 'API_KEY',
      actorId: api.a.apiKey.id,
    });
    const row = await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: created.id } });
    const text = JSON.stringify(events);
    expect(text).not.toContain(created.key);
    expect(text).not.toContain(row.hash);
    expect(row.canActForUsers).toBe(true);
  });

  test('non-owner keys cannot manage keys (403) and their attempts change nothing', async () => {
    const narrow = await api.a.caller.apiKeys.create({ name: 'Narrow', canActForUsers: true });
    const before = await api.db.prisma.apiKey.count();
    const create = await withKey(narrow.key, 'POST', '/v1/api-keys', {
      name: 'Sneaky',
      canActForUsers: true,
    });
    expect(create.status).toBe(403);
    expect(create.body).toEqual({
      error: 'Forbidden',
      message: 'Only an owner API key may manage API keys.',
    });
    expect((await withKey(narrow.key, 'GET', '/v1/api-keys')).status).toBe(403);
    expect((await withKey(narrow.key, 'DELETE', `/v1/api-keys/${api.a.apiKey.id}`)).status).toBe(403);
    expect(await api.db.prisma.apiKey.count()).toBe(before);
    expect(
      (await api.db.prisma.apiKey.findUniqueOrThrow({ where: { id: api.a.apiKey.id } })).revokedAt,
    ).toBeNull();
  });

  test('an access token, even from an owner key, cannot manage keys', async () => {
    const token = await api.a.request(
      'POST',
      `/workspaces/${api.a.workspace.id}/generate-access-key-token`,
      {},
    );
    const res = await send(`${api.url}/v1/api-keys`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token.body.token}`, 'content-type': 'application/json' },
      body: JSON.stringify({ name: 'From token' }),
    });
    expect(res.status).toBe(403);
    expect(res.body.message).toMatch(/access token/);
  });

  test('keys cannot be managed on behalf of a Slack user', async () => {
    const res = await api.a.request(
      'POST',
      '/v1/api-keys',
      { name: 'Slack' },
      { 'x-acting-slack-user': 'U123' },
    );
    expect(res.status).toBe(403);
  });

  test('revoke: the key and every access token made from it then get 401', async () => {
    const created = await api.a.caller.apiKeys.create({ name: 'To revoke' });
    const token = (
      await withKey(created.key, 'POST', `/workspaces/${api.a.workspace.id}/generate-access-key-token`, {})
    ).body.token;
    const bearer = () => send(`${api.url}/v1/workspaces`, { headers: { authorization: `Bearer ${token}` } });
    expect((await bearer()).status).toBe(200);

    const revoked = await api.a.request('DELETE', `/v1/api-keys/${created.id}`);
    expect(revoked.status).toBe(200);
    expect(revoked.body).toMatchObject({ id: created.id, revokedAt: expect.any(String) });
    expect(revoked.body).not.toHaveProperty('key');

    const byKey = await withKey(created.key, 'GET', '/v1/workspaces');
    expect(byKey.status).toBe(401);
    // A Sharely path: Sharely's body, with the errorId it logs.
    expect(byKey.body).toEqual({
      error: 'Unauthorized',
      message: 'This API key has been revoked.',
      errorId: expect.any(String),
    });
    const byToken = await bearer();
    expect(byToken.status).toBe(401);
    expect(byToken.body.message).toMatch(/revoked/);

    const again = await api.a.request('DELETE', `/v1/api-keys/${created.id}`);
    expect(again.body.revokedAt).toBe(revoked.body.revokedAt);
    const events = await api.db.prisma.auditEvent.findMany({
      where: { entityId: created.id, action: 'apiKey.revoke' },
    });
    expect(events).toHaveLength(1);
  });

  test('the last active owner key cannot be revoked; with a second owner key it can', async () => {
    const tenant = await api.newTenant('Owners');
    const alone = await tenant.request('DELETE', `/v1/api-keys/${tenant.apiKey.id}`);
    expect(alone.status).toBe(409);
    expect(alone.body.message).toMatch(/last active owner key/);
    expect((await tenant.request('GET', '/v1/workspaces')).status).toBe(200);

    const second = await tenant.request('POST', '/v1/api-keys', { name: 'Rotated owner', isOwner: true });
    const rotated = await withKey(second.body.key, 'DELETE', `/v1/api-keys/${tenant.apiKey.id}`);
    expect(rotated.status).toBe(200);
    expect((await tenant.request('GET', '/v1/workspaces')).status).toBe(401);
    expect((await withKey(second.body.key, 'GET', '/v1/api-keys')).status).toBe(200);
  });

  test("another tenant's key is 404 and stays active; lists are per tenant", async () => {
    const res = await api.b.request('DELETE', `/v1/api-keys/${api.a.apiKey.id}`);
    expect(res.status).toBe(404);
    expect(res.body.message).toBe('API key not found');
    expect((await api.a.request('GET', '/v1/workspaces')).status).toBe(200);
    const listed = await api.b.client.apiKeys.list.query({});
    expect(listed.apiKeys.map((k) => k.id)).toEqual([api.b.apiKey.id]);
  });

  test('bad input names the field', async () => {
    for (const body of [{}, { name: '' }, { name: 'x', canActForUsers: 'yes' }]) {
      const res = await api.a.request('POST', '/v1/api-keys', body);
      expect(res.status).toBe(400);
      expect(['name', 'canActForUsers']).toContain(res.body.details.field);
    }
  });
});
