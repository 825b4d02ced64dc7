import { testDatabaseKinds } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { conversationInclude } from '../src/services/conversations/conversation-row';
import { findConversation, findConversationsInOrder } from '../src/services/conversations/find-conversation';
import { startTestApi, type TestApi } from './support/test-api';

/**
 * Puts the tags on the conversation one by one, each link a second older than the one before
 * (from `newestSecond` of 2026-01-01), so the order reads list them in is known.
 */
async function linkTags(
  api: TestApi,
  conversation: { id: string; organizationId: string; createdAt: Date },
  names: readonly string[],
  newestSecond: number,
): Promise<void> {
  const { organizationId } = conversation;
  for (const [i, name] of names.entries()) {
    const tag = await api.db.prisma.tag.upsert({
      where: { organizationId_name: { organizationId, name } },
      create: { organizationId, name },
      update: {},
    });
    await api.db.prisma.conversationTag.create({
      data: {
        conversationId: conversation.id,
        conversationCreatedAt: conversation.createdAt,
        tagId: tag.id,
        organizationId,
        createdAt: new Date(Date.UTC(2026, 0, 1, 0, 0, newestSecond - i)),
      },
    });
  }
}

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
    await linkTags(api, created, ['vip', 'billing', 'later'], 10);

    const row = await findConversation(api.db.prisma, api.a.organization.id, created.id);
    expect(row).toStrictEqual(await includeRead(created.id));
    expect(row.tags.map((link) => link.tag.name)).toEqual(['later', 'billing', 'vip']);
    expect(row.createdAt).toBeInstanceOf(Date);
    // GET one conversation reads through the driver directly (Database.reads): the same row.
    expect(await findConversation(api.db.reads, organizationId, created.id)).toStrictEqual(row);
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

// findConversationsInOrder (list and group member pages) reads with the same statement, for many
// ids at once: it must return what the old `include` read returned, in the order of the ids.
describe.each(testDatabaseKinds())('findConversationsInOrder on %s', (kind) => {
  let api: TestApi;
  beforeAll(async () => {
    api = await startTestApi(kind);
  });
  afterAll(() => api.close());

  // The read this replaced, kept as the reference: `include`, then the rows put in the ids' order.
  const includeReadInOrder = async (organizationId: string, ids: string[]) => {
    const rows = await api.db.prisma.conversation.findMany({
      where: { id: { in: ids }, organizationId },
      include: conversationInclude,
    });
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.flatMap((id) => byId.get(id) ?? []);
  };

  const tagged = async (organizationId: string, workspaceId: string, tags: string[], data = {}) => {
    const created = await api.db.prisma.conversation.create({
      data: { organizationId, workspaceId, ...data },
    });
    await linkTags(api, created, tags, 30);
    return created;
  };

  test('every column, tags in the order they were added, empty tags and nulls, in the order of the ids', async () => {
    const { organization, workspace } = api.a;
    const queue = await api.db.prisma.queue.create({
      data: { organizationId: organization.id, name: 'Sales' },
    });
    const full = await tagged(organization.id, workspace.id, ['vip', 'billing', 'later'], {
      topic: 'Refund',
      summary: 'Customer wants a refund',
      status: 'CLOSED',
      priority: 'HIGH',
      channel: 'SMS',
      queueId: queue.id,
      metadata: { customerId: '42', nested: 'ünïcødé "quoted"' },
      closedAt: new Date('2026-01-02T03:04:05.678Z'),
      assignedAt: new Date(),
    });
    const untagged = await tagged(organization.id, workspace.id, []);
    const oneTag = await tagged(organization.id, workspace.id, ['billing']);
    // Neither creation order nor id order: the rows must come back in exactly this order.
    const ids = [oneTag.id, full.id, untagged.id];

    const rows = await findConversationsInOrder(api.db.prisma, organization.id, ids);
    expect(rows).toStrictEqual(await includeReadInOrder(organization.id, ids));
    expect(rows.map((row) => row.id)).toEqual(ids);
    expect(rows.map((row) => row.tags.map((link) => link.tag.name))).toEqual([
      ['billing'],
      ['later', 'billing', 'vip'],
      [],
    ]);
    expect(rows[2]).toMatchObject({ topic: null, summary: null, queueId: null, closedAt: null });
  });

  test("another organization's ids and unknown ids are left out; a repeated id repeats its row", async () => {
    const mine = await tagged(api.a.organization.id, api.a.workspace.id, ['vip']);
    const theirs = await tagged(api.b.organization.id, api.b.workspace.id, ['vip']);
    const ids = [theirs.id, mine.id, 'no-such-id', mine.id];

    const rows = await findConversationsInOrder(api.db.prisma, api.a.organization.id, ids);
    expect(rows).toStrictEqual(await includeReadInOrder(api.a.organization.id, ids));
    expect(rows.map((row) => row.id)).toEqual([mine.id, mine.id]);
    expect(await findConversationsInOrder(api.db.prisma, api.a.organization.id, [])).toEqual([]);
  });

  test('a full page of 50 rows inside an interactive transaction', async () => {
    const { organization, workspace } = api.a;
    const created: { id: string }[] = [];
    for (let i = 0; i < 50; i++)
      created.push(await tagged(organization.id, workspace.id, i % 3 ? ['vip'] : []));
    // A fixed shuffle: neither creation order, its reverse, nor id order.
    const ids = created.map((_, i) => created[(i * 7) % created.length]?.id ?? '');

    const rows = await api.db.prisma.$transaction((tx) => findConversationsInOrder(tx, organization.id, ids));
    expect(rows).toStrictEqual(await includeReadInOrder(organization.id, ids));
    expect(rows.map((row) => row.id)).toEqual(ids);
  });
});
