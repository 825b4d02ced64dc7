import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('rate limit per principal on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { rateLimitPerMinute: 5 });
  });
  afterAll(() => api.close());

  test('the 6th request in a minute is 429 with Retry-After, whatever varies', async () => {
    const a = api.a;
    // Five requests that differ in every way a client could vary them.
    const token = await a.request('POST', `/workspaces/${a.workspace.id}/generate-access-key-token`, {});
    expect(token.status).toBe(200);
    const allowed = [
      await a.request('GET', '/v1/workspaces'),
      await a.request('POST', '/v1/workspaces', { name: 'One' }, { organizationid: a.organization.id }),
      await a.request('GET', '/v1/workspaces?limit=1', undefined, {
        'x-request-id': 'abc',
        'user-agent': 'other',
      }),
      await send(`${api.url}/v1/workspaces`, { headers: { authorization: `App ${a.apiKey.key}` } }),
    ];
    for (const res of allowed) expect(res.status).toBe(200);

    const refused = [
      await a.request('GET', '/v1/workspaces'),
      await a.request('POST', '/v1/workspaces', { name: 'Two' }, { 'idempotency-key': 'fresh' }),
      // A new token, another organizationid or the tRPC endpoint are the same principal.
      await send(`${api.url}/v1/workspaces`, {
        headers: { authorization: `Bearer ${token.body.token}`, organizationid: a.organization.id },
      }),
      await send(`${api.url}/trpc/workspaces.list`, { headers: { 'x-api-key': a.apiKey.key } }),
    ];
    for (const res of refused) {
      expect(res.status).toBe(429);
      const retryAfter = Number(res.headers.get('retry-after'));
      expect(retryAfter).toBeGreaterThanOrEqual(1);
      expect(retryAfter).toBeLessThanOrEqual(60);
    }
    expect(refused[0]?.body).toMatchObject({
      error: 'Too Many Requests',
      message: expect.stringMatching(/5 requests per minute/),
    });
    expect(await api.db.prisma.workspace.count({ where: { name: 'Two' } })).toBe(0);
  });

  test('a second tenant still has its own budget', async () => {
    for (let i = 0; i < 5; i++) expect((await api.b.request('GET', '/v1/workspaces')).status).toBe(200);
    expect((await api.b.request('GET', '/v1/workspaces')).status).toBe(429);
  });

  test('a new API key of the same organization has its own budget', async () => {
    const tenant = await api.newTenant('Budget');
    const created = await tenant.caller.apiKeys.create({ name: 'Second' });
    for (let i = 0; i < 5; i++) expect((await tenant.request('GET', '/v1/workspaces')).status).toBe(200);
    expect((await tenant.request('GET', '/v1/workspaces')).status).toBe(429);
    const other = await send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': created.key } });
    expect(other.status).toBe(200);
  });
});

describe.each(testDatabaseKinds())('body size limit on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind, { bodyLimitBytes: 2048 });
  });
  afterAll(() => api.close());

  test('a body over the limit is 413 { error, message } and creates nothing', async () => {
    const name = 'x'.repeat(3000);
    const rest = await api.a.request('POST', '/v1/workspaces', { name });
    expect(rest.status).toBe(413);
    expect(rest.body).toEqual({
      error: 'Payload Too Large',
      message: expect.any(String),
      errorId: expect.any(String),
    });
    const trpc = await send(`${api.url}/trpc/workspaces.create`, {
      method: 'POST',
      headers: { 'x-api-key': api.a.apiKey.key, 'content-type': 'application/json' },
      body: JSON.stringify({ name }),
    });
    expect(trpc.status).toBe(413);
    const withKey = await api.a.request('POST', '/v1/workspaces', { name }, { 'idempotency-key': 'big' });
    expect(withKey.status).toBe(413);
    expect(await api.db.prisma.workspace.count({ where: { name } })).toBe(0);
  });

  test('a body under the limit goes through', async () => {
    const res = await api.a.request('POST', '/v1/workspaces', { name: 'y'.repeat(1500) });
    expect(res.status).toBe(400); // over the name limit: validated, not refused for its size
    expect(res.body.details.field).toBe('name');
    expect((await api.a.request('POST', '/v1/workspaces', { name: 'Small' })).status).toBe(200);
  });
});
