import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { createTrackers as createAllOrNothing } from './save-trackers';
import { trackerFieldsInput, trackerSchema, trackersTag } from './tracker.types';

/** Symbl's bulk create: the body is a bare array; every tracker is created or none is. */
export const createTrackers = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/trackers',
      tags: trackersTag,
      protect: true,
      summary: 'Create several trackers at once (all or nothing); the body is a JSON array',
    },
    rest: { bodyAs: 'trackers' },
  })
  .input(
    z.object({
      trackers: z
        .array(trackerFieldsInput)
        .min(1, 'must hold at least one tracker')
        .max(100, 'must hold at most 100 trackers'),
    }),
  )
  .output(z.object({ trackers: z.array(trackerSchema) }))
  .mutation(async ({ ctx, input }) => ({
    trackers: await createAllOrNothing(ctx, input.trackers, (index) => `trackers.${index}.`),
  }));
