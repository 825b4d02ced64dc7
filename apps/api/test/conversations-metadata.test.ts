import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('conversation metadata (Infobip) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const path = (id: string) => `/ccaas/1/conversations/${id}/metadata`;
  const storedMetadata = async (id: string) =>
    (await api.db.prisma.conversation.findUnique({ where: { id } }))?.metadata;

  test('GET is the flat map; PUT replaces it whole', async () => {
    const conversation = await api.a.caller.conversations.create({ metadata: { customerId: '88338833' } });
    const got = await api.a.request('GET', path(conversation.id));
    expect(got.status).toBe(200);
    expect(got.body).toEqual({ customerId: '88338833' });

    const put = await api.a.request('PUT', path(conversation.id), { agentId: 'johndoe', 'a.b': 'dotted' });
    expect(put.status).toBe(200);
    // Infobip's StatusCodeResponse, as the document's example answers.
    expect(put.body).toEqual({
      statusCode: 'SUCCESS',
      message: 'Metadata added to conversation successfully.',
    });
    expect(await storedMetadata(conversation.id)).toEqual({ agentId: 'johndoe', 'a.b': 'dotted' });
    expect((await api.a.request('GET', path(conversation.id))).body).toEqual({
      agentId: 'johndoe',
      'a.b': 'dotted',
    });

    // The document's body has at least one key (minProperties: 1); DELETE is how the map empties.
    const empty = await api.a.request('PUT', path(conversation.id), {});
    expect(empty.status).toBe(400);
    expect(empty.body.requestError.serviceException).toMatchObject({
      messageId: 'BAD_REQUEST',
      validationErrors: { '(body)': [expect.stringContaining('at least one metadata key')] },
    });
    expect(await storedMetadata(conversation.id)).toEqual({ agentId: 'johndoe', 'a.b': 'dotted' });
  });

  test('PUT honours If-Match: a stale version is 409 and changes nothing', async () => {
    const conversation = await api.a.caller.conversations.create({ metadata: { a: '1' } });
    const stale = await api.a.request(
      'PUT',
      path(conversation.id),
      { a: '2' },
      { 'if-match': `"${conversation.version + 1}"` },
    );
    expect(stale.status).toBe(409);
    expect(await storedMetadata(conversation.id)).toEqual({ a: '1' });
    const current = await api.a.request(
      'PUT',
      path(conversation.id),
      { a: '3' },
      { 'if-match': `"${conversation.version}"` },
    );
    expect(current.status).toBe(200);
    expect(await storedMetadata(conversation.id)).toEqual({ a: '3' });
  });

  test("PATCH adds and changes the keys sent; DELETE empties the map (Infobip's status answers)", async () => {
    const conversation = await api.a.caller.conversations.create({
      metadata: { key1: 'value1', key2: 'value2' },
    });
    const patched = await api.a.request('PATCH', path(conversation.id), {
      key1: 'value1_updated',
      key3: 'value3',
    });
    expect(patched.status).toBe(200);
    expect(patched.body).toEqual({
      statusCode: 'SUCCESS',
      message: 'Metadata patch to conversation successfully.',
    });
    expect(await storedMetadata(conversation.id)).toEqual({
      key1: 'value1_updated',
      key2: 'value2',
      key3: 'value3',
    });
    const empty = await api.a.request('PATCH', path(conversation.id), {});
    expect(empty.status).toBe(400);
    const bad = await api.a.request('PATCH', path(conversation.id), { key1: 7 });
    expect(bad.body.requestError.serviceException.validationErrors).toHaveProperty(['metadata.key1']);

    const deleted = await api.a.request('DELETE', path(conversation.id));
    expect(deleted.body).toEqual({ statusCode: 'SUCCESS', message: 'Metadata deleted successfully.' });
    expect(await storedMetadata(conversation.id)).toEqual({});
  });

  test('criteria see the replaced metadata', async () => {
    const conversation = await api.a.caller.conversations.create({});
    await api.a.caller.conversations.replaceMetadata({
      conversationId: conversation.id,
      metadata: { tier: 'gold' },
    });
    const listed = await api.a.caller.conversations.list({ criteria: 'metadata.tier==gold' });
    expect(listed.conversations.map((c) => c.id)).toEqual([conversation.id]);
  });

  test('limits: 101 keys, long values and non-string values are 400 naming the field', async () => {
    const conversation = await api.a.caller.conversations.create({ metadata: { keep: 'me' } });
    const tooMany = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`k${i}`, 'v']));
    const cases: [unknown, string][] = [
      [tooMany, 'metadata'],
      [{ k: 'x'.repeat(129) }, 'metadata'],
      [{ ['k'.repeat(129)]: 'v' }, 'metadata'],
      [{ k: 1 }, 'metadata.k'],
      [['a', 'b'], 'metadata'],
    ];
    for (const [body, field] of cases) {
      const res = await api.a.request('PUT', path(conversation.id), body);
      expect(res.status, JSON.stringify(body).slice(0, 40)).toBe(400);
      expect(res.body.requestError.serviceException.details.field).toBe(field);
    }
    const hundred = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [`k${i}`, 'v']));
    expect((await api.a.request('PUT', path(conversation.id), hundred)).status).toBe(200);
  });

  test('a CLOSED conversation refuses new metadata (409) and keeps its own', async () => {
    const conversation = await api.a.caller.conversations.create({ status: 'CLOSED', metadata: { a: '1' } });
    for (const body of [{ a: '2' }, { a: '1' }]) {
      const res = await api.a.request('PUT', path(conversation.id), body);
      expect(res.status).toBe(409);
      expect(res.body.requestError.serviceException.details.rule).toBe('CLOSED_IS_TERMINAL');
    }
    expect(await storedMetadata(conversation.id)).toEqual({ a: '1' });
  });

  test('If-Match style expectedVersion: a stale one is 409', async () => {
    const conversation = await api.a.caller.conversations.create({});
    await expect(
      api.a.caller.conversations.replaceMetadata({
        conversationId: conversation.id,
        metadata: { x: 'y' },
        expectedVersion: conversation.version + 5,
      }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await storedMetadata(conversation.id)).toEqual({});
  });

  test("another tenant's conversation is 404 and its metadata unchanged", async () => {
    const conversation = await api.a.caller.conversations.create({ metadata: { owner: 'a' } });
    expect((await api.b.request('GET', path(conversation.id))).status).toBe(404);
    expect((await api.b.request('PUT', path(conversation.id), { owner: 'b' })).status).toBe(404);
    expect((await api.b.request('PATCH', path(conversation.id), { owner: 'b' })).status).toBe(404);
    expect((await api.b.request('DELETE', path(conversation.id))).status).toBe(404);
    expect(await storedMetadata(conversation.id)).toEqual({ owner: 'a' });
  });
});
