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
  const start = Date.now();
  const linked = new Set(await linkTags(tx, conversation, added, start));
  const missing = added.filter((name) => !linked.has(name));
  // A tag another transaction created and committed while this statement ran is neither inserted
  // (it conflicts) nor seen (the statement's snapshot predates it): a second statement sees it.
  if (missing.length > 0) {
    for (const name of await linkTags(tx, conversation, missing, start)) linked.add(name);
  }
  return added.filter((name) => linked.has(name));
}

/**
 * One statement (tags are on the hot path of every create): insert the tags that do not exist,
 * find the ids of all of them, and link them, each link stamped `start` plus its position in ms.
 * Answers the names linked.
 */
async function linkTags(
  tx: Prisma.TransactionClient,
  conversation: { id: string; organizationId: string; createdAt: Date },
  names: readonly string[],
  start: number,
): Promise<string[]> {
  const { id: conversationId, organizationId, createdAt } = conversation;
  const stamps = names.map((name) => new Date(start + names.indexOf(name)).toISOString());
  const rows = await tx.$queryRaw<{ name: string }[]>`
    WITH "wanted" AS (
      SELECT w."name", w."at"::timestamp(3) AS "at"
      FROM unnest(${names}::text[], ${stamps}::text[]) AS w("name", "at")
    ), "created" AS (
      INSERT INTO "Tag" ("id", "organizationId", "name", "createdAt")
      SELECT gen_random_uuid()::text, ${organizationId}, "name", now() AT TIME ZONE 'UTC' FROM "wanted"
      ON CONFLICT ("organizationId", "name") DO NOTHING
      RETURNING "id", "name"
    ), "found" AS (
      SELECT "id", "name" FROM "created"
      UNION ALL
      SELECT t."id", t."name" FROM "Tag" t
      WHERE t."organizationId" = ${organizationId} AND t."name" = ANY(${names}::text[])
    ), "linked" AS (
      INSERT INTO "ConversationTag"
        ("conversationId", "tagId", "organizationId", "createdAt", "conversationCreatedAt")
      SELECT ${conversationId}, f."id", ${organizationId}, w."at", ${createdAt}::timestamp(3)
      FROM "found" f JOIN "wanted" w ON w."name" = f."name"
      ON CONFLICT DO NOTHING
      RETURNING "tagId"
    )
    SELECT f."name" FROM "linked" l JOIN "found" f ON f."id" = l."tagId"`;
  return rows.map((row) => row.name);
}
