import { Prisma } from '@switchboard/db';

type LinkedConversation = { id: string; organizationId: string; createdAt: Date };

/**
 * Makes a conversation's tag links exactly `names`, creating the organization's tags that do not
 * exist yet. Inserts skip rows that already exist, so two requests adding the same new tag both
 * succeed. Links are stamped a millisecond apart, in the order given: reads list a conversation's
 * tags by link time, so `["vip", "billing"]` comes back in that order. Returns the names it
 * linked, in that order (a tag deleted by another transaction meanwhile cannot be linked).
 */
export async function syncConversationTags(
  tx: Prisma.TransactionClient,
  conversation: LinkedConversation,
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
  const start = Date.now();
  const [row] = await tx.$queryRaw<{ linked: string[] }[]>`
    WITH ${Prisma.join(tagLinkCtes(conversation, added, start))} SELECT ${linkedTagNames} AS "linked"`;
  return linkMissedTags(tx, conversation, added, row?.linked ?? [], start);
}

/**
 * The rest of a tag sync whose statement may have missed some: a tag another transaction
 * created and committed while that statement ran is neither inserted (it conflicts) nor seen
 * (the statement's snapshot predates it), so a second statement links those. Answers the names
 * linked, in the order asked.
 */
export async function linkMissedTags(
  tx: Prisma.TransactionClient,
  conversation: LinkedConversation,
  names: readonly string[],
  linkedNames: readonly string[],
  start: number,
): Promise<string[]> {
  const linked = new Set(linkedNames);
  const missing = names.filter((name) => !linked.has(name));
  if (missing.length > 0) {
    const [row] = await tx.$queryRaw<{ linked: string[] }[]>`
      WITH ${Prisma.join(tagLinkCtes(conversation, missing, start))} SELECT ${linkedTagNames} AS "linked"`;
    for (const name of row?.linked ?? []) linked.add(name);
  }
  return names.filter((name) => linked.has(name));
}

/**
 * Common table expressions that insert the tags that do not exist, find the ids of all of them
 * and link them to the conversation, each link stamped `start` plus the name's position in ms:
 * one statement, as tags are on the hot path of every create. `linkedTagNames` selects the names
 * linked. `when`, if given, must hold for anything to be written (a create whose conversation
 * row may not be inserted).
 */
export function tagLinkCtes(
  conversation: LinkedConversation,
  names: readonly string[],
  start: number,
  when: Prisma.Sql = Prisma.sql`TRUE`,
): Prisma.Sql[] {
  const { id: conversationId, organizationId, createdAt } = conversation;
  const stamps = names.map((name) => new Date(start + names.indexOf(name)).toISOString());
  return [
    Prisma.sql`"wanted" AS (
      SELECT w."name", w."at"::timestamp(3) AS "at"
      FROM unnest(${names}::text[], ${stamps}::text[]) AS w("name", "at")
      WHERE ${when}
    )`,
    Prisma.sql`"created_tags" AS (
      INSERT INTO "Tag" ("id", "organizationId", "name", "createdAt")
      SELECT gen_random_uuid()::text, ${organizationId}, "name", now() AT TIME ZONE 'UTC' FROM "wanted"
      ON CONFLICT ("organizationId", "name") DO NOTHING
      RETURNING "id", "name"
    )`,
    Prisma.sql`"found_tags" AS (
      SELECT "id", "name" FROM "created_tags"
      UNION ALL
      SELECT t."id", t."name" FROM "Tag" t
      WHERE t."organizationId" = ${organizationId} AND t."name" IN (SELECT "name" FROM "wanted")
    )`,
    Prisma.sql`"linked_tags" AS (
      INSERT INTO "ConversationTag"
        ("conversationId", "tagId", "organizationId", "createdAt", "conversationCreatedAt")
      SELECT ${conversationId}, f."id", ${organizationId}, w."at", ${createdAt}::timestamp(3)
      FROM "found_tags" f JOIN "wanted" w ON w."name" = f."name"
      ON CONFLICT DO NOTHING
      RETURNING "tagId"
    )`,
  ];
}

export const linkedTagNames = Prisma.sql`COALESCE((
  SELECT array_agg(f."name") FROM "linked_tags" l JOIN "found_tags" f ON f."id" = l."tagId"), '{}')`;
