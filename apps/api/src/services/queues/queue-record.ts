import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { presentQueue, type QueueView, queueInclude } from '../../routers/queues/queue.types';
import { loadSettings } from '../settings/load-settings';

/**
 * A queue of the caller's organization as every queue answer shows it, or 404 naming the field
 * that held the id (another tenant's id looks exactly like an id that never existed).
 */
export async function findQueueView(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  field = 'queueId',
): Promise<QueueView> {
  const row = await tx.queue.findFirst({ where: { id: queueId, organizationId }, include: queueInclude });
  if (!row) throw new DomainError('NOT_FOUND', `Queue ${queueId} not found`, { field });
  return presentQueue(row, (await loadSettings(tx, organizationId)).routing.strategy);
}
