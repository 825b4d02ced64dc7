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

  test("POST takes Infobip's body and stores an OUTBOUND message; GET lists it in Infobip's shape", async () => {
    const conversation = await api.a.caller.conversations.create({ topic: 'chat' });
    const infobipBody = {
      from: '447492263897',
      to: '44776333666',
      channel: 'SMS',
      contentType: 'TEXT',
      content: { text: 'Text content.' },
    };
    const first = await api.a.request('POST', path(conversation.id), infobipBody);
    expect(first.status).toBe(200);
    expect(first.body).toEqual({
      id: expect.any(String),
      conversationId: conversation.id,
      ...infobipBody,
      direction: 'OUTBOUND',
      authorType: 'AGENT',
      createdAt: expect.stringMatching(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}\+0000$/),
      updatedAt: expect.stringMatching(/\+0000$/),
    });
    const second = await api.a.caller.messages.create({
      conversationId: conversation.id,
      from: '44776333666',
      text: 'Hi, I need help',
    });
    expect(second).toMatchObject({
      direction: 'INBOUND',
      authorType: 'CUSTOMER',
      content: { text: 'Hi, I need help' },
    });
    const image = await api.a.request('POST', path(conversation.id), {
      ...infobipBody,
      channel: 'WHATSAPP',
      contentType: 'IMAGE',
      content: { url: 'https://www.url.com/assets/image.jpg' },
    });
    expect(image.body).toMatchObject({
      contentType: 'IMAGE',
      content: { url: 'https://www.url.com/assets/image.jpg' },
    });

    const listed = await api.a.request('GET', path(conversation.id));
    expect(listed.status).toBe(200);
    expect(listed.body.messages.map((m: { id: string }) => m.id)).toEqual([
      first.body.id,
      second.id,
      image.body.id,
    ]);
    expect(listed.body.messages[1]).toMatchObject({
      direction: 'INBOUND',
      content: { text: 'Hi, I need help' },
    });
    expect(listed.body.pagination).toEqual({ totalItems: 3, page: 0, limit: 10, orderBy: 'createdAt:ASC' });

    const inbound = await api.a.request('GET', `${path(conversation.id)}?direction=INBOUND`);
    expect(inbound.body.messages.map((m: { id: string }) => m.id)).toEqual([second.id]);
    const whatsapp = await api.a.request('GET', `${path(conversation.id)}?channel=WHATSAPP&orderBy=id:ASC`);
    expect(whatsapp.body.messages.map((m: { id: string }) => m.id)).toEqual([image.body.id]);
    expect(whatsapp.body.pagination.orderBy).toBe('id:ASC');
    const byIds = await api.a.request(
      'GET',
      `${path(conversation.id)}?messageIds=${first.body.id}&messageIds=${image.body.id}`,
    );
    expect(byIds.body.pagination.totalItems).toBe(2);
    const after = await api.a.request(
      'GET',
      `${path(conversation.id)}?createdAfter=${encodeURIComponent(first.body.createdAt)}`,
    );
    expect(after.body.messages.map((m: { id: string }) => m.id)).toEqual([second.id, image.body.id]);
  });

  test('notes are internal messages with an author, listed apart from messages', async () => {
    const conversation = await api.a.caller.conversations.create({});
    const agent = await api.a.caller.agents.create({ name: 'Nora' });
    const note = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/notes`, {
      content: 'Note content',
      agentId: agent.id,
    });
    expect(note.status).toBe(200);
    expect(note.body).toEqual({
      id: expect.any(String),
      conversationId: conversation.id,
      agentId: agent.id,
      type: 'INTERNAL',
      content: 'Note content',
      createdAt: expect.stringMatching(/\+0000$/),
      updatedAt: expect.stringMatching(/\+0000$/),
    });
    const got = await api.a.request('GET', `/ccaas/1/conversations/${conversation.id}/notes/${note.body.id}`);
    expect(got.body).toEqual(note.body);
    const notes = await api.a.request('GET', `/ccaas/1/conversations/${conversation.id}/notes`);
    expect(notes.body.notes).toEqual([note.body]);
    const messages = await api.a.request('GET', path(conversation.id));
    expect(messages.body.messages).toEqual([]);
    const [stored] = (await api.a.caller.messages.list({ conversationId: conversation.id })).messages;
    expect(stored).toMatchObject({ internal: true, authorId: agent.id, text: 'Note content' });

    const unknownAgent = await api.a.request('POST', `/ccaas/1/conversations/${conversation.id}/notes`, {
      content: 'x',
      agentId: 'no-such-agent',
    });
    expect(unknownAgent.status).toBe(404);
    const asMessage = await api.a.request(
      'GET',
      `/ccaas/1/conversations/${conversation.id}/notes/${messages.body.messages[0]?.id ?? 'none'}`,
    );
    expect(asMessage.body.requestError.serviceException.messageId).toBe('NOT_FOUND');
  });

  test('messages keep the order they were added in, by page or by cursor', async () => {
    const conversation = await api.a.caller.conversations.create({});
    const texts = Array.from({ length: 7 }, (_, i) => `m${i}`);
    for (const text of texts)
      await api.a.caller.messages.create({ conversationId: conversation.id, from: 'c', text });

    const page1 = await api.a.request('GET', `${path(conversation.id)}?limit=3&page=1`);
    expect(page1.body.messages.map((m: { content: { text: string } }) => m.content.text)).toEqual([
      'm3',
      'm4',
      'm5',
    ]);
    expect(page1.body.pagination).toEqual({ totalItems: 7, page: 1, limit: 3, orderBy: 'createdAt:ASC' });

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
    expect(foreign.body.requestError.serviceException.validationErrors).toHaveProperty('cursor');

    const big = await api.a.request('GET', `${path(conversation.id)}?limit=999`);
    expect(big.body.pagination.limit).toBe(999);
    const tooBig = await api.a.request('GET', `${path(conversation.id)}?limit=1000`);
    expect(tooBig.status).toBe(400);
    expect(tooBig.body.requestError.serviceException).toMatchObject({ messageId: 'BAD_REQUEST' });
    expect(tooBig.body.requestError.serviceException.text).toContain('999');
  });

  test('bad bodies are 400 naming the field and store nothing', async () => {
    const conversation = await api.a.caller.conversations.create({});
    for (const [body, field] of [
      [{ to: 'x', contentType: 'TEXT', content: { text: 'no sender' } }, 'from'],
      [{ from: 'c', contentType: 'TEXT', content: { text: '' } }, 'content'],
      [{ from: 'c', contentType: 'IMAGE', content: { caption: 'no url' } }, 'content'],
      [{ from: 'c', contentType: 'LOCATION', content: { latitude: 'north' } }, 'content'],
      [{ from: 'c', channel: 'PIGEON', content: { text: 'x' } }, 'channel'],
      [{ from: 'c', content: { text: 'x' }, direction: 'SIDEWAYS' }, 'direction'],
      [{ from: 'c' }, 'content'],
    ] as const) {
      const res = await api.a.request('POST', path(conversation.id), body);
      expect(res.status, JSON.stringify(body)).toBe(400);
      expect(res.body.requestError.serviceException.messageId).toBe('BAD_REQUEST');
      expect(Object.keys(res.body.requestError.serviceException.validationErrors)).toEqual([field]);
    }
    expect(await api.db.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });

  test('a CLOSED conversation takes no messages (409) and stores none', async () => {
    const conversation = await api.a.caller.conversations.create({ status: 'CLOSED' });
    const res = await api.a.request('POST', path(conversation.id), {
      from: 'c',
      contentType: 'TEXT',
      content: { text: 'anyone?' },
    });
    expect(res.status).toBe(409);
    expect(res.body.requestError.serviceException.messageId).toBe('CONFLICT');
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
    expect(
      (await api.b.request('POST', path(conversation.id), { from: 'b', content: { text: 'x' } })).status,
    ).toBe(404);
    expect((await api.b.request('GET', path(conversation.id))).status).toBe(404);
    await expect(api.b.client.messages.list.query({ conversationId: conversation.id })).rejects.toMatchObject(
      {
        data: { httpStatus: 404 },
      },
    );
    expect(await api.db.prisma.message.count({ where: { conversationId: conversation.id } })).toBe(0);
  });
});
