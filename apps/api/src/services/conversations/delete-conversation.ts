import { DomainError } from '@switchboard/core';
import { lockConversation } from '../routing/lock-conversation';
import type { ServiceContext } from '../service-context';
import { recordConversationAudit } from './conversation-audit';
import { presentConversation } from './conversation-view';

/**
 * Deletes a conversation with its messages, tag links and detections (the schema cascades), and
 * records what it was. Another organization's id is 404. An agent's load is counted from the
 * conversations themselves, so nothing else needs releasing.
 */
export function deleteConversation(
  ctx: ServiceContext,
  conversationId: string,
  options: { inSpaceId?: string } = {},
): Promise<void> {
  return ctx.prisma.$transaction(async (tx) => {
    const row = await lockConversation(tx, ctx.organizationId, conversationId);
    // Sharely deletes a group of one space: a conversation moved elsewhere meanwhile is not it.
    if (options.inSpaceId !== undefined && row.spaceId !== options.inSpaceId) {
      throw new DomainError('NOT_FOUND', 'Group not found', { field: 'groupId' });
    }
    await tx.conversation.deleteMany({ where: { id: row.id, organizationId: ctx.organizationId } });
    await recordConversationAudit(tx, ctx, {
      action: 'conversation.delete',
      conversationId: row.id,
      before: presentConversation(row),
    });
  });
}
