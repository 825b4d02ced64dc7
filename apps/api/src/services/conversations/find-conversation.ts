import { DomainError } from '@switchboard/core';
import { Prisma } from '@switchboard/db';
import { type ConversationRow, conversationInclude } from './conversation-row';

/**
 * The row and its tag names in one statement. Prisma's `include` (no relation joins in this
 * schema) costs three round trips and three interpreted queries per read, and this is the hottest
 * read of the API (GET one conversation, and every write's re-read). The column list is the
 * Conversation model's; a test compares the result with the `include` read, so they cannot drift.
 */
interface ConversationWithTagNames extends Omit<ConversationRow, 'tags'> {
  tagNames: string[];
}

export async function findConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const rows = await tx.$queryRaw<ConversationWithTagNames[]>(Prisma.sql`
    SELECT c."id", c."organizationId", c."workspaceId", c."spaceId", c."topic", c."summary",
      c."status"::text AS "status", c."priority"::text AS "priority", c."channel", c."queueId",
      c."agentId", c."metadata", c."createdAt", c."updatedAt", c."closedAt", c."assignedAt",
      c."version",
      ARRAY(SELECT t."name" FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
            WHERE ct."conversationId" = c."id" ORDER BY ct."createdAt") AS "tagNames"
    FROM "Conversation" c
    WHERE c."id" = ${conversationId} AND c."organizationId" = ${organizationId}`);
  const row = rows[0];
  if (!row) throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
  const { tagNames, ...conversation } = row;
  return { ...conversation, tags: tagNames.map((name) => ({ tag: { name } })) };
}

/** Reads many conversations by id and returns them in the order of `ids` (query results keep order). */
export async function findConversationsInOrder(
  tx: Prisma.TransactionClient,
  organizationId: string,
  ids: string[],
): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = await tx.conversation.findMany({
    where: { id: { in: ids }, organizationId },
    include: conversationInclude,
  });
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
