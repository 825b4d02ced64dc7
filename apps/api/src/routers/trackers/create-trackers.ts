import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { createTrackers as createAllOrNothing } from './save-trackers';
import { trackerFieldsInput, trackerSchema } from './tracker.types';

/** Creates several trackers, all or nothing (Symbl's bulk create, see dialects/symbl). */
export const createTrackers = protectedProcedure
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
