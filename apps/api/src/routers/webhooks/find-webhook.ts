import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A subscription of the caller's organization, or 404 (another tenant's id looks like no id). */
export async function findWebhook(tx: Prisma.TransactionClient, organizationId: string, webhookId: string) {
  const webhook = await tx.webhookSubscription.findFirst({ where: { id: webhookId, organizationId } });
  if (!webhook) throw new DomainError('NOT_FOUND', 'Webhook not found', { field: 'webhookId' });
  return webhook;
}
