import { DomainError } from '@switchboard/core';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { updateTracker as replaceTracker } from './save-trackers';
import { oneTrackerOutput, trackerFieldsInput, trackerIdInput, trackersTag } from './tracker.types';

/** Symbl's PUT; the body may repeat the id (it must match the path). */
export const updateTracker = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/v1/manage/tracker/{trackerId}',
      summary: 'Update a tracker',
      tags: trackersTag,
      protect: true,
    },
  })
  .input(trackerIdInput.extend(trackerFieldsInput.shape).extend({ id: idSchema.optional() }))
  .output(oneTrackerOutput)
  .mutation(async ({ ctx, input }) => {
    const { trackerId, id, ...fields } = input;
    if (id !== undefined && id !== trackerId) {
      throw new DomainError('VALIDATION', 'id in the body must be the trackerId of the path.', {
        field: 'id',
      });
    }
    return { tracker: await replaceTracker(ctx, trackerId, fields) };
  });
