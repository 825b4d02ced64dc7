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

  const newConversation = () =>
    api.db.prisma.conversation.create({
      data: { organizationId: api.a.organization.id, workspaceId: api.a.workspace.id },
    });
  const includeRead = (id: string) =>
    api.db.prisma.conversation.findUniqueOrThrow({ where: { id }, include: conversationInclude });

  test('returns the same row as the include read: every column, tags in the order they were added', async () => {
    const organizationId = api.a.organization.id;
    const queue = await api.db.prisma.queue.create({ data: { organizationId, name: 'Billing' } });
    const created = await api.db.prisma.conversation.create({
      data: {
        organizationId,
        workspaceId: api.a.workspace.id,
        topic: 'Refund',
        summary: 'Customer wants a refund',
        status: 'WAITING',
        priority: 'URGENT',
        channel: 'WHATSAPP',
        queueId: queue.id,
        metadata: { customerId: '88338833', nested: 'ünïcødé "quoted"' },
        closedAt: new Date('2026-01-02T03:04:05.678Z'),
        assignedAt: new Date(),
      },
    });
    // Added one by one, so their order (by when they were added) is known.
    for (const [i, name] of ['vip', 'billing', 'later'].entries()) {
      const tag = await api.db.prisma.tag.create({ data: { organizationId, name } });
      await api.db.prisma.conversationTag.create({
        data: {
          conversationId: created.id,
          tagId: tag.id,
          organizationId,
          createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, 10 - i)),
        },
      });
    }

    const row = await findConversation(api.db.prisma, api.a.organization.id, created.id);
    expect(row).toStrictEqual(await includeRead(created.id));
    expect(row.tags.map((link) => link.tag.name)).toEqual(['later', 'billing', 'vip']);
    expect(row.createdAt).toBeInstanceOf(Date);
  });

  test('a conversation without tags, null columns and empty metadata', async () => {
    const created = await newConversation();
    const row = await findConversation(api.db.prisma, api.a.organization.id, created.id);
    expect(row).toStrictEqual(await includeRead(created.id));
    expect(row.tags).toEqual([]);
  });

  test("another organization's conversation is not found (404), nor is an unknown id", async () => {
    const created = await newConversation();
    await expect(findConversation(api.db.prisma, api.b.organization.id, created.id)).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(findConversation(api.db.prisma, api.a.organization.id, 'no-such-id')).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  test('inside an interactive transaction', async () => {
    const created = await newConversation();
    const row = await api.db.prisma.$transaction((tx) =>
      findConversation(tx, api.a.organization.id, created.id),
    );
    expect(row).toStrictEqual(await includeRead(created.id));
  });
});
