import { DomainError } from '@switchboard/core';
import { findConversationsWithTagNames, type SqlReads } from '@switchboard/db';
import type { ConversationRow } from './conversation-row';

/** Conversation rows in the API's shape (tags as `{ tag: { name } }`), read in one statement. */
async function readConversations(
  reads: SqlReads,
  organizationId: string,
  ids: readonly string[],
): Promise<ConversationRow[]> {
  const rows = await findConversationsWithTagNames(reads, organizationId, ids);
  return rows.map(({ tagNames, ...conversation }) => ({
    ...conversation,
    tags: tagNames.map((name) => ({ tag: { name } })),
  }));
}

export async function findConversation(
  reads: SqlReads,
  organizationId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const [row] = await readConversations(reads, organizationId, [conversationId]);
  if (!row) throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
  return row;
}

/**
 * Reads many conversations by id and returns them in the order of `ids`; ids that are unknown or
 * belong to another organization are left out, and a repeated id repeats its row.
 */
export async function findConversationsInOrder(
  reads: SqlReads,
  organizationId: string,
  ids: string[],
): Promise<ConversationRow[]> {
  if (ids.length === 0) return [];
  const rows = await readConversations(reads, organizationId, ids);
  const byId = new Map(rows.map((row) => [row.id, row]));
  return ids.flatMap((id) => byId.get(id) ?? []);
}
