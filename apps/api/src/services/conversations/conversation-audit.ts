import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../service-context';

/** The caller identity an audit event needs; a ServiceContext (or a tRPC ctx) has it. */
export type AuditingContext = Pick<ServiceContext, 'organizationId' | 'actor' | 'requestId'>;

/**
 * Every conversation change is one audit event about the conversation, so
 * `conversations.history` finds all of them by (entityType, entityId).
 */
export function recordConversationAudit(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  event: { action: string; conversationId: string; before?: unknown; after?: unknown },
): Promise<void> {
  return recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action: event.action,
    entityType: 'conversation',
    entityId: event.conversationId,
    before: event.before,
    after: event.after,
    requestId: ctx.requestId,
  });
}
