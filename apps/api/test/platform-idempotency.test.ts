import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('Idempotency-Key on %s', (kind) => {
  let api: TestApi;
  let spacesPath: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    spacesPath = `/v1/workspaces/${api.a.workspace.id}/spaces`;
  });
  afterAll(() => api.close());

  const spacesNamed = (name: string) => api.db.prisma.space.count({ where: { name } });
  const once = (key: string) => ({ 'idempotency-key': key });

  test('same key and body: the stored answer is replayed and only one object exists', async () => {
    const first = await api.a.request('POST', spacesPath, { name: 'Once' }, once('k-replay'));
    expect(first.status).toBe(200);
    expect(first.headers.get('idempotent-replayed')).toBeNull();
    // A client that retries the moment it has the answer must get the replay, not "in progress".
    const second = await api.a.request('POST', spacesPath, { name: 'Once' }, once('k-replay'));
    expect(second.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    const third = await api.a.request('POST', spacesPath, { name: 'Once' }, once('k-replay'));
    expect(third.body).toEqual(first.body);
    expect(await spacesNamed('Once')).toBe(1);
    const audit = await api.db.prisma.auditEvent.count({
      where: { action: 'space.create', entityId: first.body.id },
    });
    expect(audit).toBe(1);
  });

  // A create's last statement commits its own transaction (runCommittingWrite); under a key the
  // transaction is the request's, and the stored answer is written after the create.
  test('a conversation created under a key commits with its stored answer, once', async () => {
    const create = () =>
      api.a.request('POST', '/ccaas/1/conversations', { topic: 'Once, keyed' }, once('k-conversation'));
    const first = await create();
    expect(first.status).toBe(200);
    const second = await create();
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    const created = await api.db.prisma.conversation.count({ where: { topic: 'Once, keyed' } });
    expect(created).toBe(1);
  });

  test('same key with another body → 422, and nothing is created', async () => {
    await api.a.request('POST', spacesPath, { name: 'First body' }, once('k-other-body'));
    const res = await api.a.request('POST', spacesPath, { name: 'Second body' }, once('k-other-body'));
    expect(res.status).toBe(422);
    expect(res.body).toEqual({
      error: 'Unprocessable Entity',
      message: expect.stringMatching(/Idempotency-Key/),
      errorId: expect.any(String),
    });
    expect(await spacesNamed('Second body')).toBe(0);
    // The same key on another path is another request too.
    const otherPath = await api.a.request(
      'POST',
      '/v1/workspaces',
      { name: 'First body' },
      once('k-other-body'),
    );
    expect(otherPath.status).toBe(422);
  });

  test('two concurrent requests with one key: one succeeds, the other is 409 or the replay', async () => {
    const results = await Promise.all(
      [1, 2].map(() => api.a.request('POST', spacesPath, { name: 'Concurrent' }, once('k-concurrent'))),
    );
    const statuses = results.map((res) => res.status).sort();
    expect(statuses[0]).toBe(200);
    expect([200, 409]).toContain(statuses[1]);
    const conflict = results.find((res) => res.status === 409);
    if (conflict) expect(conflict.body.message).toMatch(/in progress/);
    else expect(results.some((res) => res.headers.get('idempotent-replayed') === 'true')).toBe(true);
    expect(await spacesNamed('Concurrent')).toBe(1);
  });

  test('many concurrent requests with one key still create one object', async () => {
    const results = await Promise.all(
      Array.from({ length: 8 }, () => api.a.request('POST', spacesPath, { name: 'Herd' }, once('k-herd'))),
    );
    expect(
      results.filter((res) => res.status === 200 && !res.headers.get('idempotent-replayed')),
    ).toHaveLength(1);
    for (const res of results) expect([200, 409]).toContain(res.status);
    expect(await spacesNamed('Herd')).toBe(1);
  });

  test('keys belong to the API key: another tenant with the same key gets its own object', async () => {
    const mine = await api.a.request('POST', '/v1/workspaces', { name: 'Shared key' }, once('k-tenants'));
    const theirs = await api.b.request('POST', '/v1/workspaces', { name: 'Shared key' }, once('k-tenants'));
    expect(theirs.status).toBe(200);
    expect(theirs.headers.get('idempotent-replayed')).toBeNull();
    expect(theirs.body.id).not.toBe(mine.body.id);
    const b = await api.db.prisma.workspace.count({
      where: { organizationId: api.b.organization.id, name: 'Shared key' },
    });
    expect(b).toBe(1);
  });

  test('an access token shares the idempotency keys of the API key it was made from', async () => {
    const token = (
      await api.a.request('POST', `/workspaces/${api.a.workspace.id}/generate-access-key-token`, {})
    ).body.token;
    const byKey = await api.a.request('POST', spacesPath, { name: 'Via token' }, once('k-token'));
    const byToken = await send(`${api.url}${spacesPath}`, {
      method: 'POST',
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...once('k-token') },
      body: JSON.stringify({ name: 'Via token' }),
    });
    expect(byToken.headers.get('idempotent-replayed')).toBe('true');
    expect(byToken.body).toEqual(byKey.body);
    expect(await spacesNamed('Via token')).toBe(1);
  });

  test('tRPC mutations honour the key too', async () => {
    const call = () =>
      send(`${api.url}/trpc/spaces.create`, {
        method: 'POST',
        headers: { 'x-api-key': api.a.apiKey.key, 'content-type': 'application/json', ...once('k-trpc') },
        body: JSON.stringify({ workspaceId: api.a.workspace.id, name: 'Via tRPC' }),
      });
    const first = await call();
    const second = await call();
    expect(first.status).toBe(200);
    expect(second.headers.get('idempotent-replayed')).toBe('true');
    expect(second.body).toEqual(first.body);
    expect(await spacesNamed('Via tRPC')).toBe(1);
  });

  test('refusals are replayed as well, and a bad key is 400', async () => {
    const refused = await api.a.request('POST', spacesPath, { name: '' }, once('k-refused'));
    expect(refused.status).toBe(400);
    const again = await api.a.request('POST', spacesPath, { name: '' }, once('k-refused'));
    expect(again.status).toBe(400);
    expect(again.headers.get('idempotent-replayed')).toBe('true');

    const tooLong = await api.a.request('POST', spacesPath, { name: 'Long key' }, once('k'.repeat(256)));
    expect(tooLong.status).toBe(400);
    expect(tooLong.body.details).toEqual({ field: 'idempotency-key' });
    expect(await spacesNamed('Long key')).toBe(0);
  });

  test('GET ignores the header', async () => {
    const first = await api.a.request('GET', spacesPath, undefined, once('k-get'));
    await api.a.request('POST', spacesPath, { name: 'After GET' });
    const second = await api.a.request('GET', `${spacesPath}?limit=100`, undefined, once('k-get'));
    expect(second.headers.get('idempotent-replayed')).toBeNull();
    expect(second.body.spaces.length).toBeGreaterThan(first.body.spaces.length);
  });
});
