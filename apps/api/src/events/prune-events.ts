import type { PrismaClient } from '@switchboard/db';
import type { Logger } from '../logger';

const DAY_MS = 86_400_000;
// Rows per DELETE: short statements, so pruning never holds up writers for long.
const BATCH = 5_000;

/**
 * Deletes events older than the retention, organization by organization (the index on
 * (organizationId, createdAt) finds them), in bounded batches. Every API process runs it; two
 * running at once only delete the same rows. Answers how many were deleted.
 */
export async function pruneEvents(
  prisma: PrismaClient,
  retentionDays: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionDays * DAY_MS);
  const organizations = await prisma.eventSequence.findMany({ select: { organizationId: true } });
  let deleted = 0;
  for (const { organizationId } of organizations) {
    for (;;) {
      const count = await prisma.$executeRaw`
        DELETE FROM "Event" WHERE "id" IN (
          SELECT "id" FROM "Event"
          WHERE "organizationId" = ${organizationId} AND "createdAt" < ${cutoff}
          LIMIT ${BATCH})`;
      deleted += count;
      if (count < BATCH) break;
    }
  }
  return deleted;
}

/** Prunes now and then every `intervalMs` until stopped; a failed run is logged and retried next time. */
export function startEventPruning(
  prisma: PrismaClient,
  options: { retentionDays: number; intervalMs?: number; logger: Logger },
): () => void {
  const run = () =>
    pruneEvents(prisma, options.retentionDays).then(
      (deleted) => {
        if (deleted > 0) options.logger.info({ deleted }, 'pruned events past retention');
      },
      (error: unknown) => options.logger.warn({ err: error }, 'event pruning failed; retrying later'),
    );
  void run();
  const timer = setInterval(run, options.intervalMs ?? 3_600_000);
  timer.unref();
  return () => clearInterval(timer);
}
