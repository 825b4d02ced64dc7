import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { channelIdSchema, messageTsSchema } from './slack.types';

/** Which conversation a card (a thread root) belongs to, so a reply in its thread becomes a note. */
export const findCard = protectedProcedure
  .input(z.object({ channelId: channelIdSchema, messageTs: messageTsSchema }))
  .output(z.object({ conversationId: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const card = await ctx.prisma.slackCard.findFirst({
      where: { organizationId: ctx.organizationId, channelId: input.channelId, messageTs: input.messageTs },
      select: { conversationId: true },
    });
    return { conversationId: card?.conversationId ?? null };
  });
