import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversationOfA, send, startTestApi, type TestApi } from './support/test-api';

// The REST adapter writes its JSON answers itself (src/rest/send-json.ts); these are the headers
// and conditional-GET behaviour Express's `res.json` gave them, which must not change with it.
describe.each(testDatabaseKinds())('REST JSON answers on %s', (kind) => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    id = await insertConversationOfA(api, 'Café ☕');
  });
  afterAll(() => api.close());

  const get = (headers: Record<string, string> = {}) =>
    fetch(`${api.url}/ccaas/1/conversations/${id}`, {
      headers: { 'x-api-key': api.a.apiKey.key, ...headers },
    });

  test('JSON with charset, the byte length and a weak ETag of the body', async () => {
    const res = await get();
    const text = await res.text();
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
    expect(res.headers.get('content-length')).toBe(String(Buffer.byteLength(text)));
    expect(res.headers.get('etag')).toMatch(/^W\/"[0-9a-f]+-[\w+/]+"$/);
    expect(JSON.parse(text)).toMatchObject({ id, topic: 'Café ☕' });
  });

  test('If-None-Match with the current ETag is 304 without a body; after a change it is 200', async () => {
    const etag = (await get()).headers.get('etag') as string;
    // fetch adds `Cache-Control: no-cache` to conditional requests unless one is given.
    const ifNoneMatch = { 'if-none-match': etag, 'cache-control': 'max-age=0' };
    const unchanged = await get(ifNoneMatch);
    expect(unchanged.status).toBe(304);
    expect(await unchanged.text()).toBe('');
    expect(unchanged.headers.get('etag')).toBe(etag);

    const patched = await api.a.request('PATCH', `/ccaas/1/conversations/${id}`, { topic: 'Changed' });
    expect(patched.status).toBe(200);
    const changed = await get(ifNoneMatch);
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect(((await changed.json()) as { topic: string }).topic).toBe('Changed');
  });

  test('HEAD has the GET headers and no body', async () => {
    const head = await send(`${api.url}/ccaas/1/conversations/${id}`, {
      method: 'HEAD',
      headers: { 'x-api-key': api.a.apiKey.key },
    });
    const res = await get();
    expect(head.status).toBe(200);
    expect(head.body).toBeUndefined();
    for (const name of ['content-type', 'content-length', 'etag']) {
      expect(head.headers.get(name), name).toBe(res.headers.get(name));
    }
  });
});
