import type { Prisma } from '@switchboard/db';

/**
 * The organization's newest committed event (0 when there is none): a new or re-enabled
 * subscription starts after it, with the events that come next.
 */
export async function newestEventSequence(
  tx: Prisma.TransactionClient,
  organizationId: string,
): Promise<bigint> {
  const newest = await tx.event.findFirst({
    where: { organizationId },
    orderBy: { sequence: 'desc' },
    select: { sequence: true },
  });
  return newest?.sequence ?? 0n;
}
