import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../../services/service-context';
import type { SpaceView } from './space.types';

/** A created space's audit event (created directly, or on a user's first activation). */
export const auditSpaceCreated = (tx: Prisma.TransactionClient, ctx: ServiceContext, space: SpaceView) =>
  recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action: 'space.create',
    entityType: 'space',
    entityId: space.id,
    after: space,
    requestId: ctx.requestId,
  });
