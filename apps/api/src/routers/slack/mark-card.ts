import { z } from 'zod';
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
    return { marked: count === 1 };
  });
