import { DomainError } from '@switchboard/core';
import type { ReadContext } from '../service-context';
import { findConversation } from './find-conversation';
import { type MessageView, presentMessage } from './messages';

/**
 * One message of the caller's conversation; `internal` narrows to notes or to customer-facing
 * messages. Another organization's ids answer 404 like ids that never existed.
 */
export async function findMessage(
  ctx: ReadContext,
  input: { conversationId: string; messageId: string; internal?: boolean | undefined },
): Promise<MessageView> {
  const conversation = await findConversation(ctx.reads, ctx.organizationId, input.conversationId);
  const row = await ctx.prisma.message.findFirst({
    where: {
      id: input.messageId,
      organizationId: ctx.organizationId,
      conversationId: conversation.id,
      ...(input.internal !== undefined ? { internal: input.internal } : {}),
    },
  });
  if (!row) {
    const what = input.internal ? 'Note' : 'Message';
    throw new DomainError(
      'NOT_FOUND',
      `${what} ${input.messageId} not found in conversation ${conversation.id}`,
      {
        field: input.internal ? 'noteId' : 'messageId',
      },
    );
  }
  return presentMessage(row);
}
