import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** 404 unless the conversation is the caller's organization's (another tenant's looks like none). */
export async function assertOwnConversation(
  tx: Prisma.TransactionClient,
  organizationId: string,
  conversationId: string,
): Promise<void> {
  const found = await tx.conversation.findFirst({
    where: { id: conversationId, organizationId },
    select: { id: true },
  });
  if (!found) throw new DomainError('NOT_FOUND', 'Conversation not found', { field: 'conversationId' });
}
