import type { Prisma } from '@switchboard/db';

/**
 * Makes a conversation's tag links exactly `names`, creating the organization's tags that do not
 * exist yet. Inserts skip rows that already exist, so two requests adding the same new tag both
 * succeed. Links are stamped a millisecond apart, in the order given: reads list a conversation's
 * tags by link time, so `["vip", "billing"]` comes back in that order. Returns the names it
 * linked, in that order (a tag deleted by another transaction meanwhile cannot be linked).
 */
export async function syncConversationTags(
  tx: Prisma.TransactionClient,
  conversation: { id: string; organizationId: string; createdAt: Date },
  names: readonly string[],
  current: readonly string[],
): Promise<string[]> {
  const { id: conversationId, organizationId } = conversation;
  const added = names.filter((name) => !current.includes(name));
  const removed = current.filter((name) => !names.includes(name));
  if (removed.length > 0) {
    await tx.conversationTag.deleteMany({
      where: { organizationId, conversationId, tag: { name: { in: removed } } },
    });
  }
  if (added.length === 0) return [];
  await tx.tag.createMany({ data: added.map((name) => ({ organizationId, name })), skipDuplicates: true });
  const tags = await tx.tag.findMany({
    where: { organizationId, name: { in: added } },
    select: { id: true, name: true },
  });
  const idByName = new Map(tags.map((tag) => [tag.name, tag.id]));
  const linked = added.filter((name) => idByName.has(name));
  const start = Date.now();
  await tx.conversationTag.createMany({
    data: linked.map((name, index) => ({
      organizationId,
      conversationId,
      tagId: idByName.get(name) as string,
      createdAt: new Date(start + index),
      conversationCreatedAt: conversation.createdAt,
    })),
    skipDuplicates: true,
  });
  return linked;
}
