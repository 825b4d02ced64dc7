import type { PrismaClient } from '@switchboard/db';
import type { AuditEntry } from '../../audit/audit-entry';
import type { Logger } from '../../logger';
import { drainBatch } from './drain-batch';
import { type DrainTarget, drainTargetsOfChanges } from './drain-targets';

// Assignments per transaction: the members stay locked while a batch is written, so a batch is
// kept short enough that routing in other processes does not wait long behind it.
const batchSize = 100;

/**
 * Assigns a queue's waiting conversations until nobody has room or nobody waits, one short
 * transaction per batch. Answers how many were assigned. Safe to run from any number of
 * processes at once: each batch locks the members and skips conversations another holds.
 */
export async function drainQueue(
  prisma: PrismaClient,
  organizationId: string,
  queueId: string,
): Promise<number> {
  let total = 0;
  for (;;) {
    const assigned = await prisma.$transaction((tx) => drainBatch(tx, organizationId, queueId, batchSize));
    total += assigned;
    if (assigned === 0) return total;
  }
}

/** The queues behind the targets: an agent's queues, or every queue of an organization. */
async function queuesOf(prisma: PrismaClient, targets: readonly DrainTarget[]) {
  const queues = new Map<string, { organizationId: string; queueId: string }>();
  for (const target of targets) {
    const { organizationId } = target;
    const found =
      target.kind === 'queue'
        ? [{ queueId: target.queueId }]
        : target.kind === 'agent'
          ? await prisma.queueMember.findMany({
              where: { organizationId, agentId: target.agentId },
              select: { queueId: true },
            })
          : await prisma.queue
              .findMany({ where: { organizationId }, select: { id: true } })
              .then((rows) => rows.map((row) => ({ queueId: row.id })));
    for (const { queueId } of found) queues.set(`${organizationId}/${queueId}`, { organizationId, queueId });
  }
  return [...queues.values()];
}

/**
 * Drains the queues committed changes (audit/audited-changes) may have freed capacity in. The
 * changes themselves are done: a failure here is logged, not returned, and the periodic sweep
 * drains what was left.
 */
export async function drainQueuesFreedBy(
  prisma: PrismaClient,
  changes: readonly AuditEntry[],
  logger: Logger,
): Promise<void> {
  const targets = drainTargetsOfChanges(changes);
  if (targets.length === 0) return;
  try {
    for (const { organizationId, queueId } of await queuesOf(prisma, targets)) {
      await drainQueue(prisma, organizationId, queueId);
    }
  } catch (error) {
    logger.warn({ err: error }, 'draining queues after a change failed; the next sweep drains them');
  }
}
