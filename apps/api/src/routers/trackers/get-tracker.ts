import { protectedProcedure } from '../../trpc/init';
import { findTracker } from './find-tracker';
import { oneTrackerOutput, presentTracker, trackerIdInput, trackersTag } from './tracker.types';

export const getTracker = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/tracker/{trackerId}',
      summary: 'Get a tracker',
      tags: trackersTag,
      protect: true,
    },
  })
  .input(trackerIdInput)
  .output(oneTrackerOutput)
  .query(async ({ ctx, input }) => ({
    tracker: presentTracker(await findTracker(ctx.prisma, ctx.organizationId, input.trackerId)),
  }));
