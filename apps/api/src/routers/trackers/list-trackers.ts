import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { cursorArgs, toPage } from '../shared/pagination';
import { largestPageInput } from '../shared/schemas';
import { presentTracker, trackerSchema, trackersTag } from './tracker.types';

/** All trackers (pages of up to 100, oldest first), or Symbl's `?name=` lookup (exact, case-sensitive). */
export const listTrackers = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/trackers',
      summary: 'List trackers',
      tags: trackersTag,
      protect: true,
    },
  })
  .input(
    largestPageInput.extend({
      name: z.string().optional(),
    }),
  )
  .output(z.object({ trackers: z.array(trackerSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.tracker.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.name === undefined ? {} : { name: input.name }),
      },
      take: input.limit + 1,
      ...cursorArgs(input.cursor, { organizationId: ctx.organizationId }),
      orderBy: [{ createdOn: 'asc' }, { id: 'asc' }],
    });
    const page = toPage(rows, input.limit);
    return { trackers: page.items.map(presentTracker), nextCursor: page.nextCursor };
  });
