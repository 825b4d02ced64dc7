import { protectedProcedure } from '../../trpc/init';
import { createTrackers } from './save-trackers';
import { oneTrackerOutput, trackerFieldsInput, trackersTag } from './tracker.types';

export const createTracker = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/tracker',
      summary: 'Create a tracker',
      tags: trackersTag,
      protect: true,
    },
  })
  .input(trackerFieldsInput)
  .output(oneTrackerOutput)
  .mutation(async ({ ctx, input }) => {
    const [tracker] = await createTrackers(ctx, [input], () => '');
    if (!tracker) throw new Error('createTrackers returned no tracker');
    return { tracker };
  });
