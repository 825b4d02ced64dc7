import { z } from 'zod';
import { findConversation } from '../../services/conversations/find-conversation';
import { protectedProcedure } from '../../trpc/init';
import { cardInput } from './slack.types';

/**
 * Sets what a card says about the conversation having left the channel's group (null clears it
 * when the conversation enters again); later updates of the card keep showing it.
 */
export const markCard = protectedProcedure
  .input(cardInput.extend({ mark: z.string().trim().min(1).max(300).nullable() }))
  .output(z.object({ marked: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const { count } = await ctx.prisma.slackCard.updateMany({
      where: {
        organizationId: ctx.organizationId,
        conversationId: input.conversationId,
        channelId: input.channelId,
      },
      data: { mark: input.mark },
    });
    // No card: another organization's conversation is 404, like one that does not exist.
    if (count === 0) await findConversation(ctx.prisma, ctx.organizationId, input.conversationId);
    return { marked: count === 1 };
  });
