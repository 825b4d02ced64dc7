import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/**
 * A queue or agent of the caller's organization, or 404 naming the field that held the id:
 * another tenant's id looks exactly like an id that never existed.
 */
export async function findQueue(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueId: string,
  field = 'queueId',
) {
  const queue = await tx.queue.findFirst({ where: { id: queueId, organizationId } });
  if (!queue) throw new DomainError('NOT_FOUND', `Queue ${queueId} not found`, { field });
  return queue;
}

export async function findAgent(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentId: string,
  field = 'agentId',
) {
  const agent = await tx.agent.findFirst({ where: { id: agentId, organizationId } });
  if (!agent) throw new DomainError('NOT_FOUND', `Agent ${agentId} not found`, { field });
  return agent;
}
