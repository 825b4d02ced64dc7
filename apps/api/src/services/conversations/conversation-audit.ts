import type { Prisma } from '@switchboard/db';
import type { AuditEntry } from '../../audit/record-audit';
import { recordChanges } from '../../events/record-changes';
import type { ServiceContext } from '../service-context';

/**
 * The caller identity an audit event needs, and the clock routing reads (a change may route: a
 * reopened conversation whose agent left); a ServiceContext (or a tRPC ctx) has it.
 */
export type AuditingContext = Pick<ServiceContext, 'organizationId' | 'actor' | 'requestId' | 'now'>;

export interface ConversationEvent {
  action: string;
  conversationId: string;
  before?: unknown;
  after?: unknown;
  /** The conversation after the change, when `after` is not it (see AuditEntry). */
  subject?: unknown;
}

/**
 * Every conversation change is one audit event about the conversation, so
 * `conversations.history` finds all of them by (entityType, entityId).
 */
export const conversationAuditEntry = (ctx: AuditingContext, event: ConversationEvent): AuditEntry => ({
  organizationId: ctx.organizationId,
  actor: ctx.actor,
  action: event.action,
  entityType: 'conversation',
  entityId: event.conversationId,
  before: event.before,
  after: event.after,
  subject: event.subject,
  requestId: ctx.requestId,
});

export function recordConversationAudit(
  tx: Prisma.TransactionClient,
  ctx: AuditingContext,
  event: ConversationEvent,
  options: { commits?: boolean } = {},
): Promise<void> {
  return recordChanges(tx, [conversationAuditEntry(ctx, event)], [], options);
}
