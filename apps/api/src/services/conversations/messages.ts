import { closedRefusal } from '@switchboard/core';
import type { MessageDirection } from '@switchboard/db';
import { detectInMessage } from '../detections/detect-in-message';
import { lockConversation } from '../routing/lock-conversation';
import type { ServiceContext } from '../service-context';
import { recordConversationAudit } from './conversation-audit';
import { presentConversation } from './conversation-view';

export interface MessageView {
  id: string;
  conversationId: string;
  from: string;
  text: string;
  direction: MessageDirection;
  /** An internal note: seen by the team, never sent to the customer. */
  internal: boolean;
  createdAt: string;
}

export const presentMessage = (row: {
  id: string;
  conversationId: string;
  from: string;
  text: string;
  direction: MessageDirection;
  internal: boolean;
  createdAt: Date;
}): MessageView => ({
  id: row.id,
  conversationId: row.conversationId,
  from: row.from,
  text: row.text,
  direction: row.direction,
  internal: row.internal,
  createdAt: row.createdAt.toISOString(),
});

/**
 * Adds a message and detects the organization's trackers and custom entities in it, in one
 * transaction. A CLOSED conversation takes no messages (409): closed is terminal, and a customer
 * writing again starts a new conversation. The conversation row is locked, so messages of one
 * conversation are written one at a time, and each is stamped no earlier than a millisecond
 * after the previous one: listing by time is listing in the order they were added.
 */
export function addMessage(
  ctx: ServiceContext,
  input: {
    conversationId: string;
    from: string;
    text: string;
    direction?: MessageDirection | undefined;
    internal?: boolean | undefined;
  },
): Promise<MessageView> {
  const { organizationId } = ctx;
  return ctx.prisma.$transaction(async (tx) => {
    const conversation = await lockConversation(tx, organizationId, input.conversationId);
    if (conversation.status === 'CLOSED')
      throw closedRefusal(conversation.id, 'given messages', ['messages']);
    const previous = await tx.message.findFirst({
      where: { conversationId: conversation.id },
      orderBy: { createdAt: 'desc' },
      select: { createdAt: true },
    });
    const now = Date.now();
    const createdAt = new Date(Math.max(now, (previous?.createdAt.getTime() ?? 0) + 1));
    const row = await tx.message.create({
      data: {
        organizationId,
        conversationId: conversation.id,
        from: input.from,
        text: input.text,
        direction: input.direction ?? 'IN',
        internal: input.internal ?? false,
        createdAt,
      },
    });
    await detectInMessage(tx, { organizationId, conversationId: conversation.id, message: row });
    const message = presentMessage(row);
    await recordConversationAudit(tx, ctx, {
      action: 'conversation.message.add',
      conversationId: conversation.id,
      after: message,
      subject: presentConversation(conversation),
    });
    return message;
  });
}
