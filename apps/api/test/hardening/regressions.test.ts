import { gzipSync } from 'node:zlib';
import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { send, startTestApi, type TestApi } from '../support/test-api';
import { restError } from './support/rest-error';

// One regression test per defect the hardening suite found and fixed (each answered 500 before).
// The tRPC-batch rate-limit bypass has its regression in rate-limit-bypass.test.ts.
describe.each(testDatabaseKinds())('hardening regressions on %s', (kind) => {
  let api: TestApi;
  let conversationId: string;
  beforeAll(async () => {
    api = await startTestApi(kind);
    conversationId = (await api.a.caller.conversations.create({ topic: 'regressions' })).id;
  });
  afterAll(() => api.close());

  const expectField = (res: { status: number; body: { details?: { field?: string } } }, field: string) => {
    expect(res.status).toBe(400);
    expect(restError(res.body).details?.field).toBe(field);
  };

  test('NUL characters anywhere in the input are 400 naming the field (was 500 from PostgreSQL)', async () => {
    const a = api.a;
    const workspaces = await api.db.prisma.workspace.count();
    expectField(await a.request('POST', '/ccaas/1/conversations', { topic: 'a\u0000b' }), 'topic');
    expectField(await a.request('POST', '/v1/workspaces', { name: '\u0000' }), 'name');
    expectField(await a.request('POST', '/ccaas/1/queues', { name: 'q\u0000' }), 'name');
    expectField(
      await a.request('PUT', `/ccaas/1/conversations/${conversationId}/metadata`, { k: '\u0000' }),
      'metadata.k',
    );
    expectField(await a.request('GET', '/v1/manage/entities?type=%00'), 'type');
    expectField(await a.request('GET', '/ccaas/1/conversations/%00'), 'conversationId');
    const trpc = await send(
      `${api.url}/trpc/trackers.list?input=${encodeURIComponent(JSON.stringify({ name: 'x\u0000' }))}`,
      {
        headers: { 'x-api-key': a.apiKey.key },
      },
    );
    expect(trpc.status).toBe(400);
    expect(trpc.body.error.data.details.field).toBe('name');
    await expect(a.caller.workspaces.create({ name: 'w\u0000' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    expect(await api.db.prisma.workspace.count()).toBe(workspaces);
  });

  test('unpaired surrogates in text and JSON values are 400 (was 500 from jsonb)', async () => {
    const a = api.a;
    const metadata = await a.request(
      'PUT',
      `/ccaas/1/conversations/${conversationId}/metadata`,
      '{"k":"\\ud800"}',
    );
    expectField(metadata, 'metadata.k');
    expectField(await a.request('POST', '/ccaas/1/conversations', '{"topic":"x\\udfff"}'), 'topic');
    expectField(
      await a.request('POST', '/ccaas/1/conversations', '{"metadata":{"\\ud800":"v"}}'),
      'metadata',
    );
    // Paired surrogates (emoji) are fine.
    expect((await a.request('POST', '/ccaas/1/conversations', { topic: 'ok 😀' })).status).toBe(200);
  });

  test('a path that is not valid percent-encoding is 400 (was 500)', async () => {
    for (const path of ['/v1/manage/group/%E0%A4%A', '/ccaas/1/conversations/%', '/ccaas/1/tags/%zz']) {
      expectField(await api.a.request('GET', path), '(path)');
    }
  });

  test('a body whose content-encoding does not decode is 400 (was 500)', async () => {
    for (const encoding of ['gzip', 'deflate', 'br']) {
      const res = await send(`${api.url}/ccaas/1/conversations`, {
        method: 'POST',
        headers: {
          'x-api-key': api.a.apiKey.key,
          'content-type': 'application/json',
          'content-encoding': encoding,
        },
        body: '{"topic":"not compressed"}',
      });
      expectField(res, '(body)');
    }
    // Real gzip still works.
    const zipped = await send(`${api.url}/ccaas/1/conversations`, {
      method: 'POST',
      headers: {
        'x-api-key': api.a.apiKey.key,
        'content-type': 'application/json',
        'content-encoding': 'gzip',
      },
      body: gzipSync('{"topic":"compressed"}'),
    });
    expect(zipped.status).toBe(200);
  });

  test('JSON Patch operations the library cannot apply are 400 naming the operation (was a TypeError, 500)', async () => {
    const before = (await api.a.request('GET', '/v1/manage/settings')).body;
    const patches = [
      [{ op: 'move', from: '/pagination', path: '/pagination/x' }],
      [{ op: 'move', from: '/routing/x/y', path: '' }],
      [
        { op: 'remove', path: '' },
        { op: 'copy', from: '/routing', path: '/routing/-' },
      ],
    ];
    for (const patch of patches) {
      const res = await api.a.request('PATCH', '/v1/manage/settings', patch);
      expect(res.status).toBe(400);
      expect(res.body.details.field).toMatch(/^patch\.\d/);
    }
    expect((await api.a.request('GET', '/v1/manage/settings')).body).toEqual(before);
  });

  test('a tRPC procedure called with the wrong method or without a content type is 400 (was 500)', async () => {
    const key = { 'x-api-key': api.a.apiKey.key };
    const cases = [
      send(`${api.url}/trpc/workspaces.list`, {
        method: 'POST',
        headers: { ...key, 'content-type': 'application/json' },
        body: '{}',
      }),
      send(`${api.url}/trpc/workspaces.create?input=${encodeURIComponent('{"name":"x"}')}`, { headers: key }),
      send(`${api.url}/trpc/workspaces.list`, { method: 'PUT', headers: key }),
      send(`${api.url}/trpc/workspaces.create`, { method: 'DELETE', headers: key }),
    ];
    for (const res of await Promise.all(cases)) {
      expect(res.status).toBe(400);
      expect(res.body.error.data.httpStatus).toBe(400);
    }
  });

  test('deeply nested bodies are 400 before anything recurses into them (was a stack overflow, 500)', async () => {
    const deep = (n: number) => `${'['.repeat(n)}${']'.repeat(n)}`;
    const a = api.a;
    // The field named is where the nesting passes the limit (issue 17 made the path exact).
    const tooDeep = (res: { status: number; body: { details?: { field?: string } } }, under: string) => {
      expect(res.status).toBe(400);
      expect(restError(res.body).details?.field).toMatch(new RegExp(`^${under}(\\.0){30,}$`));
    };
    const patch = `[{"op":"replace","path":"/routing/strategy","value":${deep(20_000)}}]`;
    tooDeep(await a.request('PATCH', '/v1/manage/settings', patch), '0\\.value');
    const body = `{"topic":"x","extra":${deep(200_000)}}`;
    tooDeep(await a.request('POST', '/ccaas/1/conversations', body, { 'idempotency-key': 'deep' }), 'extra');
    const trpc = await send(`${api.url}/trpc/conversations.create`, {
      method: 'POST',
      headers: { 'x-api-key': a.apiKey.key, 'content-type': 'application/json' },
      body,
    });
    expect(trpc.status).toBe(400);
    // Through createCaller (no HTTP body limit) the procedure guard refuses it as well.
    let nested: unknown = 'bottom';
    for (let i = 0; i < 100; i++) nested = { a: nested };
    await expect(
      a.caller.settings.patch({ patch: [{ op: 'replace', path: '/routing/strategy', value: nested }] }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    // Ordinary nesting is untouched.
    expect(
      (
        await a.request('PATCH', '/v1/manage/settings', [
          { op: 'replace', path: '/pagination/defaultPageSize', value: 25 },
        ])
      ).status,
    ).toBe(200);
  });
});
