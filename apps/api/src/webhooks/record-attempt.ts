import type { PrismaClient } from '@switchboard/db';
import type { AttemptResult } from './attempt-delivery';
import type { ClaimedDelivery } from './claim-deliveries';
import { disableFailingSubscription } from './disable-subscription';
import { nextAttemptAt } from './retry-schedule';
import type { WebhookSettings } from './settings';

/**
 * Writes an attempt's result: DELIVERED; or PENDING again at the next time of the schedule;
 * or FAILED (an answer retrying will not change); or DEAD_LETTERED when the schedule has run
 * past its deadline. Written only if the row is still this claim's (same attempt number, not
 * replayed since): after a lease ran out another process may have claimed it again, and its
 * result is the one that counts. Answers when the delivery is due again, if it is.
 */
export async function recordAttempt(
  prisma: PrismaClient,
  delivery: ClaimedDelivery,
  result: AttemptResult,
  settings: WebhookSettings,
): Promise<Date | null> {
  const now = new Date();
  const retryAt =
    result.verdict === 'retry'
      ? nextAttemptAt({
          attempts: delivery.attempts,
          firstAttemptAt: delivery.firstAttemptAt,
          now,
          retryAfterMs: result.retryAfterMs,
          schedule: settings,
        })
      : null;
  const status =
    result.verdict === 'delivered'
      ? 'DELIVERED'
      : result.verdict === 'failed'
        ? 'FAILED'
        : retryAt
          ? 'PENDING'
          : 'DEAD_LETTERED';
  // The subscription's health first: whoever sees this attempt's result on the delivery (a
  // dead letter, say, about to be replayed) sees the subscription as this attempt leaves it,
  // not a disable that lands after their re-enable.
  await trackSubscriptionHealth(prisma, delivery, result.verdict === 'delivered', now, settings);
  await prisma.webhookDelivery.updateMany({
    // The claim's attempt: counted by a leased claim already, or counted here (claim-deliveries.ts);
    // and not replayed since, or this result would stand for the replay's attempt to come.
    where: {
      id: delivery.id,
      attempts: { in: [delivery.attempts - 1, delivery.attempts] },
      replays: delivery.replays,
    },
    data: {
      status,
      attempts: delivery.attempts,
      firstAttemptAt: delivery.firstAttemptAt,
      lastAttemptAt: delivery.lastAttemptAt,
      lastStatusCode: result.statusCode,
      lastResponseBody: result.responseBody,
      lastError:
        result.error ??
        (status === 'FAILED' ? `the receiver answered ${result.statusCode}; not retried` : null),
      ...(retryAt ? { nextAttemptAt: retryAt } : {}),
      ...(status === 'DELIVERED' ? { deliveredAt: now } : {}),
    },
  });
  return retryAt;
}

/**
 * A success clears the subscription's failure streak; a failure starts one (or continues it),
 * and a streak older than `disableAfterMs` disables the subscription.
 */
async function trackSubscriptionHealth(
  prisma: PrismaClient,
  delivery: ClaimedDelivery,
  succeeded: boolean,
  now: Date,
  settings: WebhookSettings,
): Promise<void> {
  if (succeeded) {
    await prisma.webhookSubscription.updateMany({
      where: { id: delivery.subscriptionId, failingSince: { not: null } },
      data: { failingSince: null },
    });
    return;
  }
  await prisma.webhookSubscription.updateMany({
    where: { id: delivery.subscriptionId, failingSince: null },
    data: { failingSince: now },
  });
  const streakStartedBefore = new Date(now.getTime() - settings.disableAfterMs);
  const failingTooLong = await prisma.webhookSubscription.count({
    where: { id: delivery.subscriptionId, enabled: true, failingSince: { lte: streakStartedBefore } },
  });
  if (failingTooLong > 0)
    await disableFailingSubscription(prisma, delivery.subscriptionId, streakStartedBefore);
}
