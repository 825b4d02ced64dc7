import type { ConversationFacts } from '@switchboard/core';
import { Prisma, type PrismaClient } from '../../generated/prisma/client';

/**
 * Test and benchmark helpers that store `ConversationFacts` as real rows: a conversation, its
 * tags (Tag + ConversationTag), and its trackers / entities as Detection rows on one message.
 * Not exported from the package entry. Everything goes through bound parameters.
 */
type Client = Pick<PrismaClient, '$executeRaw' | '$queryRaw'>;

/** The rows that conversations reference by id (core's `criteriaPools` lists them). */
export interface ReferencedIds {
  workspaceIds: readonly string[];
  spaceIds: readonly string[];
  queueIds: readonly string[];
  agentIds: readonly string[];
}

export async function insertOrganization(prisma: Client, id: string): Promise<void> {
  await prisma.$executeRaw`INSERT INTO "Organization" ("id", "name", "updatedAt") VALUES (${id}, ${id}, now())`;
}

/** Workspaces, spaces (in the first workspace), queues and agents with these ids, owned by the organization. */
export async function insertReferencedRows(
  prisma: Client,
  organizationId: string,
  ids: ReferencedIds,
): Promise<void> {
  const named = (table: 'Workspace' | 'Queue' | 'Agent', values: readonly string[]) =>
    prisma.$executeRaw`INSERT INTO ${Prisma.raw(`"${table}"`)} ("id", "organizationId", "name", "updatedAt")
      SELECT v, ${organizationId}, v, now() FROM unnest(${[...values]}::text[]) AS v`;
  await named('Workspace', ids.workspaceIds);
  await named('Queue', ids.queueIds);
  await named('Agent', ids.agentIds);
  await prisma.$executeRaw`INSERT INTO "Space" ("id", "organizationId", "workspaceId", "name", "updatedAt")
    SELECT v, ${organizationId}, ${ids.workspaceIds[0] ?? ''}, v, now() FROM unnest(${[...ids.spaceIds]}::text[]) AS v`;
}

/** Stores the facts (ids must be unique) in one statement. Metadata is stored as given, JSON values and all. */
export async function insertConversationFacts(
  prisma: Client,
  organizationId: string,
  facts: readonly ConversationFacts[],
): Promise<void> {
  if (facts.length === 0) return;
  const input = JSON.stringify(facts);
  await prisma.$executeRaw`
    WITH input AS (
      SELECT * FROM jsonb_to_recordset(${input}::jsonb) AS x(
        "id" text, "topic" text, "summary" text, "status" "ConversationStatus", "priority" "Priority",
        "channel" text, "queueId" text, "agentId" text, "workspaceId" text, "spaceId" text,
        "createdAt" timestamptz, "updatedAt" timestamptz, "closedAt" timestamptz,
        "metadata" jsonb, "tags" jsonb, "trackers" jsonb, "entities" jsonb)
    ), conversations AS (
      INSERT INTO "Conversation" ("id", "organizationId", "workspaceId", "spaceId", "topic", "summary", "status",
        "priority", "channel", "queueId", "agentId", "metadata", "createdAt", "updatedAt", "closedAt")
      SELECT x."id", ${organizationId}, x."workspaceId", x."spaceId", x."topic", x."summary", x."status",
        x."priority", x."channel", x."queueId", x."agentId", x."metadata", x."createdAt" AT TIME ZONE 'UTC',
        x."updatedAt" AT TIME ZONE 'UTC', x."closedAt" AT TIME ZONE 'UTC'
      FROM input x
    ), new_tags AS (
      INSERT INTO "Tag" ("id", "organizationId", "name")
      SELECT gen_random_uuid()::text, ${organizationId}, names.name
      FROM (SELECT DISTINCT jsonb_array_elements_text(x."tags") AS name FROM input x) names
      ON CONFLICT ("organizationId", "name") DO NOTHING
      RETURNING "id", "name"
    ), tags AS (
      SELECT "id", "name" FROM new_tags
      UNION ALL SELECT "id", "name" FROM "Tag" WHERE "organizationId" = ${organizationId}
    ), links AS (
      INSERT INTO "ConversationTag" ("conversationId", "tagId", "organizationId", "conversationCreatedAt")
      SELECT x."id", tags."id", ${organizationId}, x."createdAt" AT TIME ZONE 'UTC'
      FROM input x CROSS JOIN LATERAL jsonb_array_elements_text(x."tags") AS e(name) JOIN tags ON tags."name" = e.name
    ), messages AS (
      INSERT INTO "Message" ("id", "organizationId", "conversationId", "from", "text", "content")
      SELECT gen_random_uuid()::text, ${organizationId}, x."id", 'seed', 'detections', '{"text":"detections"}'::jsonb
      FROM input x WHERE jsonb_array_length(x."trackers") + jsonb_array_length(x."entities") > 0
      RETURNING "id", "conversationId"
    )
    INSERT INTO "Detection" ("id", "organizationId", "conversationId", "messageId", "kind", "refId", "name",
      "value", "start", "end")
    SELECT gen_random_uuid()::text, ${organizationId}, m."conversationId", m."id", found.kind::"DetectionKind",
      'seed', found.name, found.name, 0, 0
    FROM messages m JOIN input x ON x."id" = m."conversationId"
    CROSS JOIN LATERAL (
      SELECT 'TRACKER' AS kind, name FROM jsonb_array_elements_text(x."trackers") AS t(name)
      UNION ALL SELECT 'ENTITY', name FROM jsonb_array_elements_text(x."entities") AS e(name)
    ) found`;
}

/** Removes the organization's conversations and tags (links, messages and detections cascade). */
export async function deleteConversationsAndTags(prisma: Client, organizationId: string): Promise<void> {
  await prisma.$executeRaw`DELETE FROM "Conversation" WHERE "organizationId" = ${organizationId}`;
  await prisma.$executeRaw`DELETE FROM "Tag" WHERE "organizationId" = ${organizationId}`;
}

/**
 * Reclaims dead rows. PGlite runs no autovacuum, so a test that deletes and inserts thousands of
 * batches must call this now and then, or every query slows down (≈4× after 1 200 batches).
 */
export async function vacuum(prisma: Client): Promise<void> {
  await prisma.$executeRaw`VACUUM`;
}

/** The facts as the database holds them (set members sorted), to check that storing loses nothing. */
export async function loadConversationFacts(
  prisma: Client,
  organizationId: string,
): Promise<ConversationFacts[]> {
  const names = (kind: string) => Prisma.sql`ARRAY(SELECT d."name" FROM "Detection" d
    WHERE d."conversationId" = c."id" AND d."kind" = ${kind}::"DetectionKind" ORDER BY d."name" COLLATE "C")`;
  return prisma.$queryRaw<ConversationFacts[]>`
    SELECT c."id", c."topic", c."summary", c."status"::text AS "status", c."priority"::text AS "priority",
      c."channel", c."queueId", c."agentId", c."workspaceId", c."spaceId", c."createdAt", c."updatedAt",
      c."closedAt", c."metadata",
      ARRAY(SELECT t."name" FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
        WHERE ct."conversationId" = c."id" ORDER BY t."name" COLLATE "C") AS "tags",
      ${names('TRACKER')} AS "trackers", ${names('ENTITY')} AS "entities"
    FROM "Conversation" c WHERE c."organizationId" = ${organizationId} ORDER BY c."id" COLLATE "C"`;
}
