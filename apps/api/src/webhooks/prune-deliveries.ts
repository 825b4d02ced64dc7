import type { PrismaClient } from '@switchboard/db';

// Rows per DELETE: short statements, so pruning never holds up the dispatcher for long.
const batch = 5_000;

/**
 * Deletes deliveries older than the event log's retention: their events are gone, so they could
 * neither be sent nor replayed any more. Several processes may run it at once. Answers how many.
 */
export async function pruneDeliveries(
  prisma: PrismaClient,
  retentionMs: number,
  now = new Date(),
): Promise<number> {
  const cutoff = new Date(now.getTime() - retentionMs);
  let deleted = 0;
  for (;;) {
    const count = await prisma.$executeRaw`
      DELETE FROM "WebhookDelivery" WHERE "id" IN (
        SELECT "id" FROM "WebhookDelivery" WHERE "createdAt" < ${cutoff} LIMIT ${batch})`;
    deleted += count;
    if (count < batch) return deleted;
  }
}
