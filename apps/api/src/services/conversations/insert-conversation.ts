import { randomUUID } from 'node:crypto';
import { type ConversationDraft, DomainError } from '@switchboard/core';
import { Prisma, prepared } from '@switchboard/db';
import type { ConversationRow } from './conversation-row';
import { linkedTagNames, linkMissedTags, tagLinkCtes } from './tag-links';

export interface NewConversation {
  organizationId: string;
  /** null: the organization's default workspace, found by the same statement. */
  workspaceId: string | null;
  spaceId: string | null;
  draft: ConversationDraft;
  now: Date;
}

/**
 * Writes a new conversation and its tags (creating the organization's missing tags) in one
 * statement, finding the default workspace in it when none was given: creates are the hot path
 * of routing, and every statement of their transaction costs API CPU. Answers the row as written
 * (built from what was sent, not read back).
 */
export async function insertConversation(
  tx: Prisma.TransactionClient,
  input: NewConversation,
): Promise<ConversationRow> {
  const { organizationId, spaceId, draft, now } = input;
  const { tags, metadata, version: _version, ...columns } = draft;
  const id = randomUUID();
  const conversation = { id, organizationId, createdAt: now };
  const at = now.toISOString();
  const placed = Prisma.sql`"placed" AS (
    SELECT COALESCE(${input.workspaceId}::text, (
      SELECT w."id" FROM "Workspace" w WHERE w."organizationId" = ${organizationId}
      ORDER BY w."isDefault" DESC, w."createdAt" ASC LIMIT 1)) AS "workspaceId"
  )`;
  const inserted = Prisma.sql`"conversation" AS (
    INSERT INTO "Conversation" ("id", "organizationId", "workspaceId", "spaceId", "topic", "summary",
      "status", "priority", "channel", "queueId", "agentId", "metadata", "createdAt", "updatedAt",
      "closedAt", "assignedAt")
    SELECT ${id}, ${organizationId}, p."workspaceId", ${spaceId}, ${columns.topic}, ${columns.summary},
      ${columns.status}::"ConversationStatus", ${columns.priority}::"Priority", ${columns.channel},
      ${columns.queueId}, ${columns.agentId}, ${JSON.stringify(metadata)}::jsonb, ${at}::timestamp(3),
      ${at}::timestamp(3), ${columns.closedAt?.toISOString() ?? null}::timestamp(3),
      ${columns.assignedAt?.toISOString() ?? null}::timestamp(3)
    FROM "placed" p WHERE p."workspaceId" IS NOT NULL
    RETURNING "workspaceId"
  )`;
  const start = now.getTime();
  const placedSome = Prisma.sql`EXISTS (SELECT 1 FROM "placed" WHERE "workspaceId" IS NOT NULL)`;
  const [row] = await tx.$queryRaw<{ workspaceId: string | null; linked: string[] }[]>(
    prepared(Prisma.sql`
    WITH ${Prisma.join([placed, inserted, ...tagLinkCtes(conversation, tags, start, placedSome)])}
    SELECT (SELECT "workspaceId" FROM "conversation") AS "workspaceId", ${linkedTagNames} AS "linked"`),
  );
  if (!row?.workspaceId) {
    throw new DomainError('CONFLICT', 'The organization has no workspace; create one first.', {
      field: 'workspaceId',
    });
  }
  const linked = await linkMissedTags(tx, conversation, tags, row.linked, start);
  return {
    ...columns,
    id,
    organizationId,
    workspaceId: row.workspaceId,
    spaceId,
    metadata,
    createdAt: now,
    updatedAt: now,
    version: 1,
    tags: linked.map((name) => ({ tag: { name } })),
  };
}
