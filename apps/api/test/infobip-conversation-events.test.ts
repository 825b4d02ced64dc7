import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { insertConversation } from './support/concurrency/fixtures';
import { serviceException } from './support/infobip';
import { startTestApi, type TestApi } from './support/test-api';

describe.each(testDatabaseKinds())('Infobip conversation events (typing) on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  // The document's example request.
  const typing = { from: '44123456789', to: '44321654987', channel: 'WHATSAPP', type: 'TYPING_STARTED' };

  test('a typing indicator is one conversation.typing event in the log; nothing else changes', async () => {
    const id = await insertConversation(api.db.prisma, api.a, { channel: 'WHATSAPP' });
    const before = await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } });
    const res = await api.a.request('POST', `/ccaas/1/conversations/${id}/events`, typing);
    expect(res.status).toBe(200);
    const events = await api.db.prisma.event.findMany({
      where: { organizationId: api.a.organization.id, conversationId: id },
    });
    expect(events.map((event) => event.type)).toEqual(['conversation.typing']);
    expect(events[0]?.payload).toMatchObject({ data: { conversationId: id, event: typing } });
    expect(await api.db.prisma.conversation.findUniqueOrThrow({ where: { id } })).toEqual(before);
  });

  test('bad bodies are 400 naming the field; another tenant or a CLOSED conversation is refused', async () => {
    const id = await insertConversation(api.db.prisma, api.a, {});
    const channel = await api.a.request('POST', `/ccaas/1/conversations/${id}/events`, {
      ...typing,
      channel: 'SMS',
    });
    expect(channel.status).toBe(400);
    expect(serviceException(channel.body).details.field).toBe('channel');
    const noFrom = await api.a.request('POST', `/ccaas/1/conversations/${id}/events`, {
      ...typing,
      from: undefined,
    });
    expect(noFrom.status).toBe(400);
    expect(serviceException(noFrom.body).details.field).toBe('from');
    expect((await api.b.request('POST', `/ccaas/1/conversations/${id}/events`, typing)).status).toBe(404);
    const closed = await insertConversation(api.db.prisma, api.a, { status: 'CLOSED' });
    expect((await api.a.request('POST', `/ccaas/1/conversations/${closed}/events`, typing)).status).toBe(409);
    const written = await api.db.prisma.event.count({ where: { conversationId: { in: [id, closed] } } });
    expect(written).toBe(0);
  });
});
