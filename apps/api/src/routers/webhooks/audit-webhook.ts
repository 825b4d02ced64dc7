import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { Actor } from '../../auth/principal';
import type { WebhookView } from '../../webhooks/webhook-view';

/** Audits a change to a subscription (its views only: secrets never reach the audit log or events). */
export function auditWebhook(
  tx: Prisma.TransactionClient,
  ctx: { organizationId: string; actor: Actor; requestId: string },
  change: {
    action: 'create' | 'update' | 'delete';
    webhookId: string;
    before?: WebhookView;
    after?: WebhookView;
  },
): Promise<void> {
  return recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action: `webhook.${change.action}`,
    entityType: 'webhook',
    entityId: change.webhookId,
    before: change.before,
    after: change.after,
    requestId: ctx.requestId,
  });
}
