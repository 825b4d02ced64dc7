import { DomainError } from '@switchboard/core';
import { Prisma, prepared } from '@switchboard/db';
import type { ConversationRow } from '../conversations/conversation-row';
import { findConversation } from '../conversations/find-conversation';

/**
 * Locks one conversation of the organization for the rest of the transaction and reads it.
 * Routing, assignment and unassignment all start here, so they run one after another per
 * conversation, whichever API process serves them; 404 for another tenant's id.
 */
export async function lockConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
): Promise<ConversationRow> {
  const locked = await tx.$queryRaw<{ id: string }[]>(
    prepared(Prisma.sql`
    SELECT "id" FROM "Conversation"
    WHERE "id" = ${conversationId} AND "organizationId" = ${organizationId}
    FOR UPDATE`),
  );
  if (locked.length === 0) {
    throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
  }
  return findConversation(tx, organizationId, conversationId);
}
