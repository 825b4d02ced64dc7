import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi, type TestResponse, type TestTenant } from '../support/test-api';
import { report, Tally } from './support/http';

const LIMIT = 5;

// Part 7: beyond test/platform-limits.test.ts (new token, organizationid, tRPC endpoint, new key):
// every other way a client might try to multiply its budget.
describe.each(testDatabaseKinds())('rate-limit bypass attempts on %s', (kind) => {
  let api: TestApi;
  const tally = new Tally();
  beforeAll(async () => {
    api = await startTestApi(kind, { rateLimitPerMinute: LIMIT });
  });
  afterAll(async () => {
    report(`rate-limit bypass (${kind})`, { limitPerMinute: LIMIT, ...tally.toFigures() });
    await api.close();
  });

  const count = (label: string, responses: TestResponse[]) => {
    for (const res of responses) tally.add(`${label} ${res.status}`);
    return responses.map((res) => res.status);
  };

  /** A fresh tenant per test: its key starts with a full budget. */
  const fresh = (name: string): Promise<TestTenant> => api.newTenant(name);

  test('a tRPC batch counts every procedure in it (regression: 5 batches of 20 created 100 rows)', async () => {
    const tenant = await fresh('Batch');
    const names = Array.from({ length: 20 }, () => 'conversations.create').join(',');
    const input = Object.fromEntries(Array.from({ length: 20 }, (_, i) => [i, { topic: `batched ${i}` }]));
    const batch = () =>
      send(`${api.url}/trpc/${names}?batch=1`, {
        method: 'POST',
        headers: { 'x-api-key': tenant.apiKey.key, 'content-type': 'application/json' },
        body: JSON.stringify(input),
      });
    const statuses = count('batch', [await batch(), await batch()]);
    expect(statuses).toEqual([429, 429]);
    // An encoded comma separates procedures as well.
    const encoded = await send(
      `${api.url}/trpc/workspaces.list%2Cworkspaces.list%2Cworkspaces.list%2Cworkspaces.list%2Cworkspaces.list%2Cworkspaces.list?batch=1&input={}`,
      {
        headers: { 'x-api-key': tenant.apiKey.key },
      },
    );
    count('encoded batch', [encoded]);
    expect(encoded.status).toBe(429);
    expect(
      await api.db.prisma.conversation.count({ where: { organizationId: tenant.organization.id } }),
    ).toBe(0);
  });

  test('a batch within the budget runs, and the budget is then spent', async () => {
    const tenant = await fresh('Small batch');
    const names = Array.from({ length: LIMIT }, () => 'workspaces.list').join(',');
    const inputs = encodeURIComponent(
      JSON.stringify(Object.fromEntries(Array.from({ length: LIMIT }, (_, i) => [i, {}]))),
    );
    const ok = await send(`${api.url}/trpc/${names}?batch=1&input=${inputs}`, {
      headers: { 'x-api-key': tenant.apiKey.key },
    });
    const after = await tenant.request('GET', '/v1/workspaces');
    expect(count('small batch', [ok, after])).toEqual([200, 429]);
  });

  test('x-forwarded-for, forwarded and other client-address headers change nothing', async () => {
    const tenant = await fresh('Forwarded');
    const spoofed = (i: number) => ({
      'x-forwarded-for': `203.0.113.${i}`,
      forwarded: `for=198.51.100.${i}`,
      'x-real-ip': `192.0.2.${i}`,
      'cf-connecting-ip': `192.0.2.${i}`,
    });
    const statuses: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++)
      statuses.push((await tenant.request('GET', '/v1/workspaces', undefined, spoofed(i))).status);
    count(
      'forwarded',
      statuses.map((status) => ({ status }) as TestResponse),
    );
    expect(statuses).toEqual([...Array(LIMIT).fill(200), 429, 429]);

    // Without a credential the budget is per connection address: spoofing it does not reset it.
    const anonymous: number[] = [];
    for (let i = 0; i < LIMIT + 2; i++) {
      anonymous.push(
        (await send(`${api.url}/v1/workspaces`, { headers: { 'x-api-key': `wrong-${i}`, ...spoofed(i) } }))
          .status,
      );
    }
    count(
      'anonymous forwarded',
      anonymous.map((status) => ({ status }) as TestResponse),
    );
    expect(anonymous.slice(0, LIMIT).every((status) => status === 401)).toBe(true);
    expect(anonymous.slice(LIMIT)).toEqual([429, 429]);
  });

  test('several tokens, header spellings and padded keys of one key share its budget', async () => {
    const tenant = await fresh('Spellings');
    const tokens: string[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await tenant.request(
        'POST',
        `/workspaces/${tenant.workspace.id}/generate-access-key-token`,
        {},
      );
      expect(res.status).toBe(200);
      tokens.push(res.body.token);
    }
    // Three token exchanges spent three; these are the rest and the refusals.
    const key = tenant.apiKey.key;
    const attempts: Record<string, string>[] = [
      { authorization: `Bearer ${tokens[0]}` },
      { 'x-api-key': `  ${key}  ` },
      { authorization: `bearer ${tokens[1]}`, organizationid: tenant.organization.id },
      { authorization: `App ${key}` },
      { 'x-api-key': tokens[2] as string },
      { authorization: `APP ${key}`, 'user-agent': 'another client' },
    ];
    const statuses: number[] = [];
    for (const headers of attempts)
      statuses.push((await send(`${api.url}/v1/workspaces`, { headers })).status);
    count(
      'spellings',
      statuses.map((status) => ({ status }) as TestResponse),
    );
    expect(statuses).toEqual([200, 200, 429, 429, 429, 429]);
  });

  test('bodies, query strings, methods and paths all draw on one budget', async () => {
    const tenant = await fresh('Shapes');
    const responses = [
      await tenant.request('POST', '/ccaas/1/conversations', { topic: 'one' }),
      await tenant.request(
        'POST',
        '/ccaas/1/conversations',
        { topic: 'two', priority: 'HIGH' },
        { 'idempotency-key': 'k1' },
      ),
      await tenant.request('GET', '/ccaas/1/conversations?limit=1&page=0'),
      await tenant.request('GET', '/ccaas/1/conversations/does-not-exist'),
      await tenant.request('DELETE', '/ccaas/1/tags/nope'),
      await tenant.request('POST', '/ccaas/1/conversations', { topic: 'three' }, { 'idempotency-key': 'k2' }),
      await tenant.request('GET', '/ccaas/1/CONVERSATIONS'),
      await send(`${api.url}/trpc/conversations.list?input=${encodeURIComponent('{}')}`, {
        headers: { 'x-api-key': tenant.apiKey.key },
      }),
    ];
    const statuses = count('shapes', responses);
    expect(statuses.slice(LIMIT)).toEqual([429, 429, 429]);
    expect(
      await api.db.prisma.conversation.count({ where: { organizationId: tenant.organization.id } }),
    ).toBe(2);
  });
});
