import { DomainError } from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import type { ConversationRow } from './conversation-row';

/**
 * Conversation rows and their tag names in one statement. Prisma's `include` (no relation joins
 * in this schema) costs three round trips and three interpreted queries per read, and these are
 * the hottest reads of the API: GET one conversation and every write's re-read (one row), and
 * every list and group member page (up to a page of rows). The column list is the Conversation
 * model's; a test compares both reads with the `include` read, so they cannot drift.
 */
interface ConversationWithTagNames extends Omit<ConversationRow, 'tags'> {
  tagNames: string[];
}

/** The organization's conversations that `where` selects (rows in no particular order). */
async function readConversations(
  tx: Prisma.TransactionClient,
  organizationId: string,
  where: Prisma.Sql,
): Promise<ConversationRow[]> {
  const rows = await tx.$queryRaw<ConversationWithTagNames[]>(Prisma.sql`
    SELECT c."id", c."organizationId", c."workspaceId", c."spaceId", c."topic", c."summary",
      c."status"::text AS "status", c."priority"::text AS "priority", c."channel", c."queueId",
      c."agentId", c."metadata", c."createdAt", c."updatedAt", c."closedAt", c."assignedAt",
      c."version",
      ARRAY(SELECT t."name" FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
            WHERE ct."conversationId" = c."id" ORDER BY ct."createdAt") AS "tagNames"
    FROM "Conversation" c
    WHERE ${where} AND c."organizationId" = ${organizationId}`);
  return rows.map(({ tagNames, ...conversation }) => ({
    ...conversation,
    tags: tagNames.map((name) => ({ tag: { name } })),
  }));
}

export async function findConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const [row] = await readConversations(tx, organizationId, Prisma.sql`c."id" = ${conversationId}`);
  if (!row) throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
  return row;
}

/**
 * Reads many conversations by id and returns them in the order of `ids`; ids that are unknown or
 * belong to another organization are left out, and a repeated id repeats its row.
 */
export async function findConversationsInOrder(
  tx: Prisma.TransactionClient,
  organizationId: string,
  ids: string[],
): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = await readConversations(tx, organizationId, Prisma.sql`c."id" = ANY(${ids}::text[])`);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
