import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { type ConversationRow, conversationInclude } from './conversation-row';

/** One conversation of the caller's organization, or 404 (another tenant's id looks like no id). */
export async function findConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const row = await tx.conversation.findFirst({
    where: { id: conversationId, organizationId },
    include: conversationInclude,
  });
  if (!row) throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
  return row;
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
