import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import {
  ADMIN_KEY,
  insertConversationOfA,
  send,
  startTestApi,
  type TestApi,
  type TestResponse,
} from './support/test-api';

/**
 * GET queries are answered by src/trpc/single-query.ts instead of tRPC's Fetch adapter. A GET
 * carrying `content-type: application/json` is left to tRPC's adapter (it reads it the same
 * way), so each request below is sent both ways and the answers must match: status, body and
 * the headers tRPC sets. `transfer-encoding: chunked` shows which one answered (tRPC streams).
 */
describe.each(testDatabaseKinds())('tRPC GET queries on %s', (kind) => {
  let api: TestApi;
  let conversationId: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    conversationId = await insertConversationOfA(api, 'Fast');
  });
  afterAll(() => api.close());

  const get = (path: string, headers: Record<string, string>) => send(`${api.url}/trpc/${path}`, { headers });
  const input = (value: unknown): string => `?input=${encodeURIComponent(JSON.stringify(value))}`;
  const both = async (
    path: string,
    headers: Record<string, string>,
  ): Promise<{ direct: TestResponse; viaTrpc: TestResponse }> => ({
    direct: await get(path, headers),
    viaTrpc: await get(path, { ...headers, 'content-type': 'application/json' }),
  });
  const same = ({ direct, viaTrpc }: { direct: TestResponse; viaTrpc: TestResponse }) => {
    expect(direct.headers.get('transfer-encoding')).toBeNull();
    expect(viaTrpc.headers.get('transfer-encoding')).toBe('chunked');
    expect(direct.status).toBe(viaTrpc.status);
    expect(direct.body).toEqual(viaTrpc.body);
    for (const name of ['content-type', 'vary'])
      expect(direct.headers.get(name)).toBe(viaTrpc.headers.get(name));
    return direct;
  };
  const key = () => ({ 'x-api-key': api.a.apiKey.key });

  test('a conversation: the same answer as tRPC', async () => {
    const res = same(await both(`conversations.get${input({ conversationId })}`, key()));
    expect(res.status).toBe(200);
    expect(res.body.result.data).toMatchObject({ id: conversationId, topic: 'Fast', tags: [] });
  });

  test('a list', async () => {
    const res = same(await both(`workspaces.list${input({})}`, key()));
    expect(res.status).toBe(200);
  });

  test.each([
    ["another organization's conversation (404)", (): string => input({ conversationId }), 'b', 404],
    ['an unknown conversation (404)', (): string => input({ conversationId: 'nope' }), 'a', 404],
    ['input missing a field (400)', (): string => input({}), 'a', 400],
    ['no input where one is required (400)', (): string => '', 'a', 400],
    ['text PostgreSQL cannot store (400)', (): string => input({ conversationId: 'a\u0000b' }), 'a', 400],
  ] as const)('%s: the same error as tRPC', async (_, query, tenant, status) => {
    const res = same(await both(`conversations.get${query()}`, { 'x-api-key': api[tenant].apiKey.key }));
    expect(res.status).toBe(status);
    expect(res.body.error.data.httpStatus).toBe(status);
  });

  test.each([
    ['no credential', {}],
    ['an unknown key', { 'x-api-key': 'sb_000000000000_unknown' }],
    ['the operator key', { 'x-api-key': ADMIN_KEY }],
    ['a malformed Authorization header', { authorization: 'Basic abc' }],
  ] as const)('%s: the same 401 as tRPC', async (_, headers) => {
    const res = same(await both(`conversations.get${input({ conversationId })}`, headers));
    expect(res.status).toBe(401);
  });

  test('acting for a Slack user with a key that may not: the same 403 as tRPC', async () => {
    const narrow = await api.a.caller.apiKeys.create({ name: 'Not for Slack', canActForUsers: false });
    const res = same(
      await both(`conversations.get${input({ conversationId })}`, {
        'x-api-key': narrow.key,
        'x-acting-slack-user': 'U1',
      }),
    );
    expect(res.status).toBe(403);
  });

  test.each([
    ['input that is not JSON', `conversations.get?input=${encodeURIComponent('{"conversationId":')}`],
    ['a mutation by GET', `workspaces.create${input({ name: 'x' })}`],
    ['an unknown procedure', 'conversations.nope'],
    ['a percent-encoded path', 'conversations%2Eget'],
    ['a batch', `conversations.get,workspaces.list?batch=1&input=${encodeURIComponent('{}')}`],
  ])('%s is left to tRPC', async (_, path) => {
    const res = await get(path, key());
    expect(res.headers.get('transfer-encoding')).toBe('chunked');
    expect(res.status).toBeLessThan(500);
  });

  test('the typed tRPC client reads the answers', async () => {
    await expect(api.a.client.conversations.get.query({ conversationId })).resolves.toMatchObject({
      id: conversationId,
    });
    await expect(api.b.client.conversations.get.query({ conversationId })).rejects.toMatchObject({
      data: { httpStatus: 404 },
    });
  });
});
