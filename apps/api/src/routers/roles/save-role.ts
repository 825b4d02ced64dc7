import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../../services/service-context';
import type { RoleView } from './role.types';

export const auditRole = (
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  action: string,
  before: RoleView | undefined,
  after: RoleView,
) =>
  recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'role',
    entityId: after.id,
    before,
    after,
    requestId: ctx.requestId,
  });

/**
 * Sharely runs a role change as a background job and answers its id (`workflowId`); Switchboard
 * applies the change first, so the job is recorded done, for clients that check it
 * (`POST /v1/workspaces/{id}/background-jobs`). Returns the job's id.
 */
export async function recordRoleJob(
  tx: Prisma.TransactionClient,
  organizationId: string,
  type: 'role.create' | 'role.update',
  role: { id: string; workspaceId: string },
): Promise<string> {
  const job = await tx.backgroundJob.create({
    data: { organizationId, workspaceId: role.workspaceId, type, entityId: role.id },
    select: { id: true },
  });
  return job.id;
}
