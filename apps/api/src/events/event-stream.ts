import type { Database } from '@switchboard/db';
import type { EventFilter, EventPayload } from './event-filter';
import { eventNotifierFor } from './event-notifier';
import { readEventPage } from './read-events';

/** How long a stream waits for a notification before reading the log anyway. */
export const pollFallbackMs = 5_000;

export interface EventStreamRequest {
  db: Database;
  organizationId: string;
  /** Events after this sequence; the caller decides (resume point, or the log's end for live only). */
  after: number;
  filter: EventFilter;
  signal: AbortSignal;
}

/**
 * One organization's events, in sequence order, forever (until `signal` aborts): the log is read
 * after the last sequence delivered, and again whenever any process commits events of the
 * organization (the notifier), or after `pollFallbackMs` should a notification be lost. A stream
 * therefore sees every event exactly once and in order, whichever process wrote it.
 */
export async function* streamEvents(request: EventStreamRequest): AsyncGenerator<EventPayload> {
  const { db, organizationId, filter, signal } = request;
  let after = request.after;
  let wake: (() => void) | undefined;
  let notified = false;
  const stop = eventNotifierFor(db).onEvent((organization, sequence) => {
    if (organization !== organizationId || sequence <= after) return;
    notified = true;
    wake?.();
  });
  const onAbort = () => wake?.();
  signal.addEventListener('abort', onAbort);
  try {
    while (!signal.aborted) {
      notified = false;
      const page = await readEventPage(db.prisma, organizationId, { after, limit: 100, filter });
      after = page.next;
      for (const event of page.events) {
        if (signal.aborted) return;
        yield event;
      }
      if (page.hasMore || notified) continue;
      // An abort during the read found no `wake` to call: without this check the stream would
      // sleep the whole poll interval and hold a stopping process that long.
      if (signal.aborted) return;
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, pollFallbackMs);
        wake = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      wake = undefined;
    }
  } finally {
    stop();
    signal.removeEventListener('abort', onAbort);
  }
}
