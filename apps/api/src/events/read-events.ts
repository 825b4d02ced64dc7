import type { Prisma } from '@switchboard/db';
import type { EventFilter, EventPayload } from './event-filter';

// Rows read per statement, and per page at most: a selective filter over a long log still
// answers in bounded time, with `next` pointing past what was read.
const BATCH = 500;
const MAX_SCANNED = 5_000;

export interface EventPage {
  events: EventPayload[];
  /** The sequence to continue after: the last one read, whether or not it matched. */
  next: number;
  /** Whether the log holds events after `next` (right now). */
  hasMore: boolean;
}

/**
 * One organization's events after `after` in sequence order, up to `limit` that pass the filter.
 * Sequences are handed out under a lock held to commit, so a reader that has seen N never later
 * finds a committed event below N: `after` is a complete cursor.
 */
export async function readEventPage(
  tx: Prisma.TransactionClient,
  organizationId: string,
  request: { after: number; limit: number; filter: EventFilter },
): Promise<EventPage> {
  const events: EventPayload[] = [];
  let next = request.after;
  let scanned = 0;
  for (;;) {
    const rows = await tx.event.findMany({
      where: { organizationId, sequence: { gt: next } },
      orderBy: { sequence: 'asc' },
      take: BATCH,
      select: { payload: true },
    });
    const payloads = rows.map((row) => inDocumentedOrder(row.payload as unknown as EventPayload));
    const kept = new Set((await request.filter(tx, payloads)).map((event) => event.id));
    for (const payload of payloads) {
      next = payload.sequence;
      if (kept.has(payload.id)) events.push(payload);
      if (events.length === request.limit) return { events, next, hasMore: true };
    }
    scanned += rows.length;
    if (rows.length < BATCH) return { events, next, hasMore: false };
    if (scanned >= MAX_SCANNED) return { events, next, hasMore: true };
  }
}

/** The organization's last committed sequence (0 before its first event): where a live stream starts. */
export async function lastSequence(tx: Prisma.TransactionClient, organizationId: string): Promise<number> {
  const row = await tx.eventSequence.findUnique({
    where: { organizationId },
    select: { lastSequence: true },
  });
  return Number(row?.lastSequence ?? 0);
}

// jsonb stores keys in its own order; readers get the event's fields in the documented one.
const inDocumentedOrder = ({ id, type, sequence, timestamp, organizationId, actor, data }: EventPayload) => ({
  id,
  type,
  sequence,
  timestamp,
  organizationId,
  actor,
  data,
});
