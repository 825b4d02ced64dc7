import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { deleteTracker as removeTracker } from './save-trackers';
import { trackerIdInput, trackersTag } from './tracker.types';

export const deleteTracker = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/manage/tracker/{trackerId}',
      summary: 'Delete a tracker',
      tags: trackersTag,
      protect: true,
    },
  })
  .input(trackerIdInput)
  .output(z.object({ id: z.string(), type: z.literal('tracker'), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeTracker(ctx, input.trackerId);
    return { id: input.trackerId, type: 'tracker' as const, deleted: true as const };
  });
