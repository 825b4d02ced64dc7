import { z } from 'zod';
import { assertOwnConversation } from '../../services/slack/owned-conversation';
import { protectedProcedure } from '../../trpc/init';
import { cardInput } from './slack.types';

/**
 * Claims the right to post a conversation's card in a channel. Exactly one caller gets
 * `claimed: true` per conversation and channel (the row's unique key decides), however many bot
 * processes ask at once. A claimant that posts nothing within `leaseSeconds` (it died) lets the
 * next caller claim it; once a card is posted, every caller gets its `messageTs`.
 */
export const claimCard = protectedProcedure
  .input(cardInput.extend({ leaseSeconds: z.number().int().min(1).max(600).default(60) }))
  .output(z.object({ claimed: z.boolean(), messageTs: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    const { organizationId } = ctx;
    await assertOwnConversation(ctx.prisma, organizationId, input.conversationId);
    const now = new Date();
    const claimedUntil = new Date(now.getTime() + input.leaseSeconds * 1000);
    const key = { organizationId, conversationId: input.conversationId, channelId: input.channelId };
    const { count } = await ctx.prisma.slackCard.createMany({
      data: [{ ...key, claimedUntil }],
      skipDuplicates: true,
    });
    if (count === 1) return { claimed: true, messageTs: null };
    const taken = await ctx.prisma.slackCard.updateMany({
      where: { ...key, messageTs: null, claimedUntil: { lt: now } },
      data: { claimedUntil },
    });
    if (taken.count === 1) return { claimed: true, messageTs: null };
    const card = await ctx.prisma.slackCard.findFirst({ where: key, select: { messageTs: true } });
    return { claimed: false, messageTs: card?.messageTs ?? null };
  });
