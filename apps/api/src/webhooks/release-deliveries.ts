import type { PrismaClient } from '@switchboard/db';
import type { ClaimedDelivery } from './claim-deliveries';

/**
 * Gives back deliveries a stopping dispatcher claimed but never sent: due at once again, with
 * the claim's attempt uncounted (only where the row is still that claim's), so another process
 * sends them without waiting for the lease to run out.
 */
export async function releaseDeliveries(
  prisma: PrismaClient,
  unsent: readonly ClaimedDelivery[],
): Promise<void> {
  if (unsent.length === 0) return;
  const now = new Date();
  await prisma.$transaction(
    unsent.map((delivery) =>
      prisma.webhookDelivery.updateMany({
        where: { id: delivery.id, attempts: delivery.attempts, replays: delivery.replays, status: 'PENDING' },
        data: {
          attempts: delivery.attempts - 1,
          nextAttemptAt: now,
          ...(delivery.attempts === 1 ? { firstAttemptAt: null } : {}),
        },
      }),
    ),
  );
}
