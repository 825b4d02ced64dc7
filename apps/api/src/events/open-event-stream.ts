import type { Database, PrismaClient } from '@switchboard/db';
import { compileEventFilter, type EventPayload, type EventSelection } from './event-filter';
import { streamEvents } from './event-stream';
import { lastSequence } from './read-events';

/**
 * Checks the selection (400 / 404 before anything is streamed) and opens the stream after
 * `after`, or, without one, after the organization's last committed event (live only).
 */
export async function openEventStream(
  ctx: { db: Database; prisma: PrismaClient; organizationId: string },
  selection: EventSelection,
  after: number | undefined,
  signal: AbortSignal,
): Promise<AsyncGenerator<EventPayload>> {
  const { db, organizationId } = ctx;
  const filter = await compileEventFilter(ctx.prisma, organizationId, selection);
  const start = after ?? (await lastSequence(ctx.prisma, organizationId));
  return streamEvents({ db, organizationId, after: start, filter, signal });
}
