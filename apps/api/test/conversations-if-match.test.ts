import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('If-Match on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  test('PATCH with a stale If-Match is 409 and changes nothing; the current version succeeds', async () => {
    const created = (await api.a.request('POST', '/ccaas/1/conversations', { topic: 'Before' })).body;
    const stale = await api.a.request(
      'PATCH',
      `/ccaas/1/conversations/${created.id}`,
      { topic: 'Stale' },
      { 'if-match': `"${created.version - 1}"` },
    );
    expect(stale.status).toBe(409);
    expect((await api.a.request('GET', `/ccaas/1/conversations/${created.id}`)).body.topic).toBe('Before');

    const current = await api.a.request(
      'PATCH',
      `/ccaas/1/conversations/${created.id}`,
      { topic: 'After' },
      { 'if-match': `"${created.version}"` },
    );
    expect(current.status).toBe(200);
    expect(current.body).toMatchObject({ topic: 'After', version: created.version + 1 });
  });

  test('a malformed If-Match is 400 naming the header', async () => {
    const created = (await api.a.request('POST', '/ccaas/1/conversations', {})).body;
    const res = await api.a.request('PUT', `/ccaas/1/conversations/${created.id}`, {}, { 'if-match': 'abc' });
    expect(res.status).toBe(400);
    expect(res.body.requestError.serviceException.details).toEqual({ field: 'if-match' });
  });
});
