import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversationOfA, send, startTestApi, type TestApi } from './support/test-api';

// The REST adapter only tries the routes of a request's method and segment count; these are the
// Express routing behaviours that must not change with it.
describe.each(testDatabaseKinds())('REST routing on %s', (kind) => {
  let api: TestApi;
  let id: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    id = await insertConversationOfA(api, 'Routed');
  });
  afterAll(() => api.close());

  const withKey = (method: string, path: string) =>
    send(`${api.url}${path}`, { method, headers: { 'x-api-key': api.a.apiKey.key } });

  test('a path parameter route, with and without a trailing slash, in any letter case', async () => {
    for (const path of [
      `/ccaas/1/conversations/${id}`,
      `/ccaas/1/conversations/${id}/`,
      `/CCAAS/1/Conversations/${id}`,
    ]) {
      const res = await withKey('GET', path);
      expect(res.status, path).toBe(200);
      expect(res.body.id).toBe(id);
    }
  });

  test('two trailing slashes or an empty segment match nothing (404 with the error body)', async () => {
    for (const path of [
      `/ccaas/1/conversations/${id}//`,
      '/ccaas/1/conversations//',
      '/ccaas//conversations',
    ]) {
      const res = await withKey('GET', path);
      expect(res.status, path).toBe(404);
      expect(res.body.requestError.serviceException.messageId).toBe('NOT_FOUND');
    }
  });

  test('HEAD is answered by the GET route, without a body', async () => {
    const res = await withKey('HEAD', `/ccaas/1/conversations/${id}`);
    expect(res.status).toBe(200);
    expect(res.body).toBeUndefined();
  });

  test('OPTIONS lists the methods of the path', async () => {
    const res = await withKey('OPTIONS', `/ccaas/1/conversations/${id}`);
    expect(res.status).toBe(200);
    expect(res.headers.get('allow')?.split(', ')).toEqual(expect.arrayContaining(['GET', 'PUT', 'PATCH']));
  });

  test('a method no route of the path has, and an unknown method, are 404', async () => {
    expect((await withKey('POST', `/ccaas/1/conversations/${id}`)).status).toBe(404);
    expect((await withKey('PROPFIND', `/ccaas/1/conversations/${id}`)).status).toBe(404);
  });

  test('a path that is not valid percent-encoding is 400 even where only another method has a route', async () => {
    for (const path of ['/ccaas/1/conversations/%', '/ccaas/1/tags/%zz']) {
      const res = await withKey('GET', path);
      expect(res.status, path).toBe(400);
      expect(res.body.requestError.serviceException.details?.field).toBe('(path)');
    }
  });
});
