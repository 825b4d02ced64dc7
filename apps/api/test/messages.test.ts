import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('conversation messages on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const path = (id: string) => `/ccaas/1/conversations/${id}/messages`;

  test('POST adds a message (direction IN by default); GET lists oldest first in Infobip shape', async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'chat' });
    const first = await api.a.request('POST', path(conversation.id), { from: '385976333666', text: 'Hello' });
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: expect.any(String),
      conversationId: conversation.id,
      from: '385976333666',
      text: 'Hello',
      direction: 'IN',
      internal: false,
      createdAt: expect.any(String),
    });
    const second = await api.a.caller.messages.create({
      conversationId: conversation.id,
      from: 'agent',
      text: 'Hi, how can I help?',
      direction: 'OUT',
    });
    expect(second.direction).toBe('OUT');

    const listed = await api.a.request('GET', path(conversation.id));
    expect(listed.status).toBe(200);
    expect(listed.body).toEqual({
      messages: [first.body, second],
      pagination: { totalItems: 2, page: 0, limit: 10, orderBy: 'createdAt:asc' },
      nextCursor: null,
    });
  });

  test('messages keep the order they were added in, by page or by cursor', async () => {
    const conversation = await api.a.caller.conversations.create({});
    const texts = Array.from({ length: 7 }, (_, i) => `m${i}`);
    for (const text of texts)
      await api.a.caller.messages.create({ conversationId: conversation.id, from: 'c', text });

    const page1 = await api.a.request('GET', `${path(conversation.id)}?limit=3&page=1`);
    expect(page1.body.messages.map((m: { text: string }) => m.text)).toEqual(['m3', 'm4', 'm5']);
    expect(page1.body.pagination).toEqual({ totalItems: 7, page: 1, limit: 3, orderBy: 'createdAt:asc' });

    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await api.a.caller.messages.list({ conversationId: conversation.id, limit: 3, cursor });
      seen.push(...page.messages.map((m) => m.text));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    expect(seen).toEqual(texts);

    const both = await api.a.request('GET', `${path(conversation.id)}?page=1&cursor=${cursor ?? 'x'}`);
    expect(both.status).toBe(400);
    const foreign = await api.a.request('GET', `${path(conversation.id)}?cursor=not-a-message`);
    expect(foreign.status).toBe(400);
    expect(foreign.body.details.field).toBe('cursor');
  });

  test('bad bodies are 400 naming the field and store nothing', async () => {
    const conversation = await api.a.caller.conversations.create({});
    for (const [body, field] of [
      [{ text: 'no sender' }, 'from'],
      [{ from: 'c', text: '' }, 'text'],
      [{ from: 'c', text: 'x', direction: 'SIDEWAYS' }, 'direction'],
    ] as const) {
      const res = await api.a.request('POST', path(conversation.id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.details.field).toBe(field);
    }
    expect(await api.db.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });

  test('a CLOSED conversation takes no messages (409) and stores none', async () => {
    const conversation = await api.a.caller.conversations.create({ status: 'CLOSED' });
    const res = await api.a.request('POST', path(conversation.id), { from: 'c', text: 'anyone?' });
    expect(res.status).toBe(409);
    expect(res.body.details.rule).toBe('CLOSED_IS_TERMINAL');
    expect(await api.db.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });

  test('trackers are detected in a new message, in the same transaction', async () => {
    const organizationId = api.a.organization.id;
    await api.db.prisma.tracker.create({
      data: { organizationId, name: 'Pricing', vocabulary: ['price'], categories: [], languages: ['en-US'] },
    });
    const conversation = await api.a.caller.conversations.create({});
    const message = await api.a.caller.messages.create({
      conversationId: conversation.id,
      from: 'c',
      text: 'What is the price of the plan?',
    });
    const detections = await api.db.prisma.detection.findMany({ where: { messageId: message.id } });
    expect(detections.map((d) => ({ kind: d.kind, name: d.name }))).toEqual([
      { kind: 'TRACKER', name: 'Pricing' },
    ]);
    const matching = await api.a.caller.conversations.list({ criteria: 'trackers==Pricing' });
    expect(matching.conversations.map((c) => c.id)).toEqual([conversation.id]);
  });

  test("another tenant's conversation is 404 for POST and GET, and gets no message", async () => {
    const conversation = await api.a.caller.conversations.create({});
    expect((await api.b.request('POST', path(conversation.id), { from: 'b', text: 'x' })).status).toBe(404);
    expect((await api.b.request('GET', path(conversation.id))).status).toBe(404);
    await expect(api.b.client.messages.list.query({ conversationId: conversation.id })).rejects.toMatchObject(
      {
        data: { httpStatus: 404 },
      },
    );
    expect(await api.db.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});
