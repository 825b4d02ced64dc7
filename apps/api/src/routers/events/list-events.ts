import { z } from 'zod';
import { compileEventFilter } from '../../events/event-filter';
import { readEventPage } from '../../events/read-events';
import { protectedProcedure } from '../../trpc/init';
import { eventSchema, eventSelectionInput, eventsTag, sequenceSchema } from './event.types';

/** The retained log, in sequence order: `after` is the last sequence the reader has. */
export const listEvents = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/events',
      tags: eventsTag,
      protect: true,
      summary: "The organization's retained events after a sequence, oldest first",
    },
  })
  .input(
    eventSelectionInput.extend({
      after: sequenceSchema.default(0).describe('Only events with a greater sequence'),
      limit: z.number().int().min(1).max(1000).default(100),
    }),
  )
  .output(
    z.object({
      events: z.array(eventSchema),
      next: sequenceSchema.describe('Pass as `after` for the next page'),
      hasMore: z.boolean(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const filter = await compileEventFilter(ctx.prisma, ctx.organizationId, input);
    return readEventPage(ctx.prisma, ctx.organizationId, { after: input.after, limit: input.limit, filter });
  });
