import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationInclude } from '../src/services/conversations/conversation-row';
import { findConversation } from '../src/services/conversations/find-conversation';
import { startTestApi, type TestApi } from './support/test-api';

// findConversation reads with one raw statement instead of Prisma's `include` (three queries):
// it must return exactly what the `include` read returns, field for field and type for type.
describe.each(testDatabaseKinds())('findConversation on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  const includeRead = (id: string) =>
    api.db.prisma.conversation.findUniqueOrThrow({ where: { id }, include: conversationInclude });

  test('returns the same row as the include read: every column, tags in the order they were added', async () => {
    const queue = await api.db.prisma.queue.create({
      data: { organizationId: api.a.organization.id, name: 'Billing' },
    });
    const created = await api.a.caller.conversations.create({
      topic: 'Refund',
      summary: 'Customer wants a refund',
      status: 'WAITING',
      priority: 'URGENT',
      channel: 'WHATSAPP',
      queueId: queue.id,
      metadata: { customerId: '88338833', nested: 'ünïcødé "quoted"' },
      tags: ['vip', 'billing'],
    });
    await api.a.caller.tags.addToConversation({ conversationId: created.id, tagName: 'later' });
    await api.db.prisma.conversation.update({
      where: { id: created.id },
      data: { closedAt: new Date('2026-01-02T03:04:05.678Z'), assignedAt: new Date() },
    });

    const row = await findConversation(api.db.prisma, api.a.organization.id, created.id);
    expect(row).toStrictEqual(await includeRead(created.id));
    expect(row.tags.map((link) => link.tag.name)).toEqual(['vip', 'billing', 'later']);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  test('a conversation without tags, null columns and empty metadata', async () => {
    const created = await api.a.caller.conversations.create({});
    const row = await findConversation(api.db.prisma, api.a.organization.id, created.id);
    expect(row).toStrictEqual(await includeRead(created.id));
    expect(row.tags).toEqual([]);
  });

  test("another organization's conversation is not found (404), nor is an unknown id", async () => {
    const created = await api.a.caller.conversations.create({ topic: 'Private' });
    await expect(findConversation(api.db.prisma, api.b.organization.id, created.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(findConversation(api.db.prisma, api.a.organization.id, 'no-such-id')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('inside an interactive transaction', async () => {
    const created = await api.a.caller.conversations.create({ tags: ['in-tx'] });
    const row = await api.db.prisma.$transaction((tx) =>
      findConversation(tx, api.a.organization.id, created.id),
    );
    expect(row).toStrictEqual(await includeRead(created.id));
  });
});
