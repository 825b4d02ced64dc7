import { tracked } from '@trpc/server';
import { z } from 'zod';
import type { EventPayload } from '../../events/event-filter';
import { openEventStream } from '../../events/open-event-stream';
import { protectedProcedure } from '../../trpc/init';
import { eventSelectionInput, sequenceSchema } from './event.types';

/**
 * tRPC `events.stream` (over SSE with httpSubscriptionLink): each event is `tracked()` with its
 * sequence, so a reconnecting client resumes after the last one it received (`lastEventId`).
 * Without a resume point it starts with the next event committed; `after` replays from there.
 * The selection is checked before the stream starts, so a caller (GET /v1/events/stream) can
 * answer a refusal with an ordinary error response.
 */
export const streamEventsInput = eventSelectionInput.extend({
  after: sequenceSchema.optional(),
  lastEventId: z.string().regex(/^\d+$/, 'must be an event sequence').nullish(),
});

export const streamEvents = protectedProcedure
  .input(streamEventsInput)
  .subscription(async ({ ctx, input, signal }) => {
    const resume = input.lastEventId ? Number(input.lastEventId) : input.after;
    const ended = [signal, ctx.shutdown].filter((s): s is AbortSignal => s !== undefined);
    const events = await openEventStream(ctx, input, resume, AbortSignal.any(ended));
    return trackedEvents(events);
  });

async function* trackedEvents(events: AsyncGenerator<EventPayload>) {
  for await (const event of events) yield tracked(String(event.sequence), event);
}
