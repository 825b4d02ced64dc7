import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { recordEvents } from '../../events/record-events';
import { findConversation } from '../../services/conversations/find-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';

/** Infobip's ConversationEventApiRequest: a typing indicator on a channel that has them. */
export const conversationEventInput = z.object({
  conversationId: idSchema,
  from: z.string().trim().min(1, 'is required').max(255).describe('Sender id'),
  to: z.string().trim().min(1, 'is required').max(255).describe('Destination id'),
  type: z.enum(['TYPING_STARTED', 'TYPING_STOPPED']),
  channel: z.enum(['LIVE_CHAT', 'APPLE_BUSINESS_CHAT', 'WHATSAPP']),
});

/**
 * Infobip's "send a conversation event" (typing started / stopped). Switchboard sends nothing to
 * channels, so the indicator goes where Switchboard's clients listen: one `conversation.typing`
 * event in the log (webhooks, /v1/events, the live stream). It changes no data. A CLOSED
 * conversation takes no indicator (409), as it takes no message.
 */
export const sendConversationEvent = protectedProcedure
  .input(conversationEventInput)
  .output(z.object({}))
  .mutation(async ({ ctx, input }) => {
    const { conversationId, ...indicator } = input;
    await ctx.prisma.$transaction(async (tx) => {
      const conversation = await findConversation(tx, ctx.organizationId, conversationId);
      if (conversation.status === 'CLOSED') {
        throw new DomainError(
          'CONFLICT',
          `Conversation ${conversationId} is CLOSED; it takes no typing events.`,
          {
            field: 'conversationId',
          },
        );
      }
      await recordEvents(tx, [
        {
          organizationId: ctx.organizationId,
          type: 'conversation.typing',
          actor: ctx.actor,
          conversationId,
          data: { conversationId, event: indicator },
        },
      ]);
    });
    return {};
  });
