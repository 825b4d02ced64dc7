import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { channelIdSchema } from './slack.types';

/** The channel was archived or the bot removed from it: its watches stop, keeping the reason. */
export const disableChannel = protectedProcedure
  .input(z.object({ channelId: channelIdSchema, reason: z.string().trim().min(1).max(200) }))
  .output(z.object({ disabled: z.number().int() }))
  .mutation(async ({ ctx, input }) => {
    const { count } = await ctx.prisma.slackWatch.updateMany({
      where: { organizationId: ctx.organizationId, channelId: input.channelId, disabledAt: null },
      data: { disabledAt: new Date(), disabledReason: input.reason },
    });
    return { disabled: count };
  });
