import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { queueMemberIds } from '../../services/routing/member-loads';
import type { ServiceContext } from '../../services/service-context';

/** Every agent id must be an agent of the organization; the first unknown one is a 404 naming it. */
export async function assertAgentsExist(
  tx: Prisma.TransactionClient,
  organizationId: string,
  agentIds: readonly string[],
  field: (index: number) => string,
): Promise<void> {
  const found = await tx.agent.findMany({
    where: { organizationId, id: { in: [...agentIds] } },
    select: { id: true },
  });
  const known = new Set(found.map((agent) => agent.id));
  const missing = agentIds.findIndex((id) => !known.has(id));
  if (missing >= 0) {
    throw new DomainError('NOT_FOUND', `Agent ${agentIds[missing]} not found`, { field: field(missing) });
  }
}

/** Writes the membership change's audit event and answers the queue's members now. */
export async function membersAfterChange(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  queueId: string,
  action: string,
  before: string[],
) {
  const agentIds = await queueMemberIds(tx, ctx.organizationId, queueId);
  await recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'queue',
    entityId: queueId,
    before: { agentIds: before },
    after: { agentIds },
    requestId: ctx.requestId,
  });
  return { queueId, agentIds };
}
