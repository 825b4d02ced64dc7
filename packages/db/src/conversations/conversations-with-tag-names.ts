import type { SqlReads } from '../direct-reads';
import { type Conversation, Prisma } from '../generated/prisma/client';
import { prepared } from '../prepared-statements';

export interface ConversationWithTagNames extends Conversation {
  /** The conversation's tag names, in the order they were added. */
  tagNames: string[];
}

/**
 * The organization's conversations among `ids` with their tag names, in one statement (rows in
 * no particular order; unknown ids and other organizations' ids are simply absent). Prisma's
 * `include` costs three round trips and three interpreted queries, and this is the API's
 * hottest read: GET one conversation, every write's answer, every list and member page.
 * The column list is the Conversation model's; apps/api/test/find-conversation.test.ts compares
 * this read with the `include` read on both databases, so the two cannot drift. Prepared once
 * per connection on PostgreSQL (../prepared-statements): a lookup by key, whatever the ids.
 */
export function findConversationsWithTagNames(
  client: SqlReads,
  organizationId: string,
  ids: readonly string[],
): Promise<ConversationWithTagNames[]> {
  return client.$queryRaw<ConversationWithTagNames[]>(
    prepared(Prisma.sql`
    SELECT c."id", c."organizationId", c."workspaceId", c."spaceId", c."topic", c."summary",
      c."status"::text AS "status", c."priority"::text AS "priority", c."channel", c."queueId",
      c."agentId", c."metadata", c."createdAt", c."updatedAt", c."closedAt", c."assignedAt",
      c."version",
      ARRAY(SELECT t."name" FROM "ConversationTag" ct JOIN "Tag" t ON t."id" = ct."tagId"
            WHERE ct."conversationId" = c."id" ORDER BY ct."createdAt") AS "tagNames"
    FROM "Conversation" c
    WHERE c."id" = ANY(${ids}::text[]) AND c."organizationId" = ${organizationId}`),
  );
}
