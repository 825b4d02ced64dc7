import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { cardInput, messageTsSchema } from './slack.types';

/** The claimant posted the card: its message timestamp is the conversation's thread in that channel. */
export const recordCard = protectedProcedure
  .input(cardInput.extend({ messageTs: messageTsSchema }))
  .output(z.object({ recorded: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    const { count } = await ctx.prisma.slackCard.updateMany({
      where: {
        organizationId: ctx.organizationId,
        conversationId: input.conversationId,
        channelId: input.channelId,
      },
      data: { messageTs: input.messageTs },
    });
    if (count === 0)
      throw new DomainError('NOT_FOUND', 'No card was claimed for that conversation and channel');
    return { recorded: true as const };
  });
