import { z } from 'zod';
import { presentWatch, watchInclude } from '../../services/slack/watch-view';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { channelIdSchema, watchSchema } from './slack.types';

// A workspace has at most a few hundred channels watching anything; one page answers every caller.
const MAX_WATCHES = 1000;

/** The organization's watches, optionally of one channel or one group, disabled ones included. */
export const listWatches = protectedProcedure
  .input(z.object({ channelId: channelIdSchema.optional(), groupId: idSchema.optional() }))
  .output(z.object({ watches: z.array(watchSchema) }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.slackWatch.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.channelId ? { channelId: input.channelId } : {}),
        ...(input.groupId ? { groupId: input.groupId } : {}),
      },
      include: watchInclude,
      orderBy: { createdAt: 'asc' },
      take: MAX_WATCHES,
    });
    return { watches: rows.map(presentWatch) };
  });
