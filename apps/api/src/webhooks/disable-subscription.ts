import type { PrismaClient } from '@switchboard/db';
import { recordEvents } from '../events';
import { presentWebhook } from './webhook-view';

/** The actor of changes Switchboard makes on its own. */
const webhookSystemActor = { type: 'SYSTEM', id: 'webhooks' } as const;

/**
 * Disables a subscription whose failure streak began before `streakStartedBefore`, and records
 * `webhook.disabled` in the same transaction. The row is locked and checked again, so of several
 * processes failing at once only one disables it and one event is written.
 */
export async function disableFailingSubscription(
  prisma: PrismaClient,
  subscriptionId: string,
  streakStartedBefore: Date,
): Promise<void> {
  await prisma.$transaction(async (tx) => {
    await tx.$queryRaw`SELECT "id" FROM "WebhookSubscription" WHERE "id" = ${subscriptionId} FOR UPDATE`;
    const subscription = await tx.webhookSubscription.findUnique({ where: { id: subscriptionId } });
    if (
      !subscription?.enabled ||
      !subscription.failingSince ||
      subscription.failingSince > streakStartedBefore
    )
      return;
    const now = new Date();
    const disabled = await tx.webhookSubscription.update({
      where: { id: subscriptionId },
      data: {
        enabled: false,
        disabledAt: now,
        disabledReason: `every delivery has failed since ${subscription.failingSince.toISOString()}; fix the receiver, then enable the webhook again (PATCH enabled: true)`,
      },
    });
    await recordEvents(tx, [
      {
        organizationId: disabled.organizationId,
        type: 'webhook.disabled',
        actor: webhookSystemActor,
        data: { webhook: presentWebhook(disabled, now) },
      },
    ]);
  });
}
