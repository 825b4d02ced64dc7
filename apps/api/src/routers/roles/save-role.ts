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
