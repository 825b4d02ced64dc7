import { z } from 'zod';
import { findConversation } from '../../services/conversations/find-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';

/** Where a conversation's card was posted: one per channel (cards still being posted are left out). */
export const listCards = protectedProcedure
  .input(z.object({ conversationId: idSchema }))
  .output(
    z.object({
      cards: z.array(z.object({ channelId: z.string(), messageTs: z.string(), mark: z.string().nullable() })),
    }),
  )
  .query(async ({ ctx, input }) => {
    // Another organization's conversation is 404, like one that does not exist (not an empty list).
    await findConversation(ctx.prisma, ctx.organizationId, input.conversationId);
    const rows = await ctx.prisma.slackCard.findMany({
      where: {
        organizationId: ctx.organizationId,
        conversationId: input.conversationId,
        messageTs: { not: null },
      },
      select: { channelId: true, messageTs: true, mark: true },
      orderBy: { createdAt: 'asc' },
    });
    return { cards: rows.map((row) => ({ ...row, messageTs: row.messageTs as string })) };
  });
