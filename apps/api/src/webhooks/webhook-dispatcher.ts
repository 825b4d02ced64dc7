import type { Database } from '@switchboard/db';
import { eventNotifierFor } from '../events';
import type { Logger } from '../logger';
import { attemptDelivery } from './attempt-delivery';
import { type ClaimedDelivery, claimDeliveries } from './claim-deliveries';
import { fanOutEvents } from './fan-out';
import { pruneDeliveries } from './prune-deliveries';
import { recordAttempt } from './record-attempt';
import type { WebhookSettings } from './settings';

export interface WebhookDispatcher {
  /** Stops claiming work and waits for the attempts in flight (their results are written). */
  stop(): Promise<void>;
}

// Attempts claimed per claim statement; a lease outlives the attempt's timeout by this margin.
const claimBatch = 64;
const leaseMarginMs = 10_000;
const pruneIntervalMs = 3_600_000;

/**
 * Delivers webhooks from this process: wakes on every committed event (the event notifier, from
 * any process), on a poll as a fallback, when a retry of its own comes due and when an attempt
 * ends. It turns new events into deliveries (after a notification or the poll), then claims due
 * ones and sends them, at most
 * `perSubscriptionConcurrency` in flight per subscription, so a slow or dead receiver holds its
 * own slots and nobody else's. Any number of processes may run one against the same database.
 */
export function startWebhookDispatcher(
  db: Database,
  settings: WebhookSettings,
  logger: Logger,
): WebhookDispatcher {
  const inFlight = new Map<string, number>();
  const attempts = new Set<Promise<void>>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  // New events to turn into deliveries (a notification or the poll); a finished attempt only
  // frees a slot, which needs a claim and no fan-out.
  let eventsMayWait = true;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryTimerAt = Number.POSITIVE_INFINITY;

  const wake = (newEvents = false) => {
    if (stopped) return;
    eventsMayWait ||= newEvents;
    if (running) {
      again = true;
      return;
    }
    running = work().finally(() => {
      running = null;
      if (again || eventsMayWait) wake();
    });
  };

  const work = async () => {
    do {
      again = false;
      try {
        if (eventsMayWait) {
          eventsMayWait = false;
          await fanOutEvents(db.prisma);
        }
        const claimed = await claimDue();
        for (const delivery of claimed) start(delivery);
        if (claimed.length === claimBatch) again = true;
      } catch (error) {
        if (!stopped) logger.error({ err: error }, 'webhook dispatch failed; retrying on the next wake');
      }
    } while (again && !stopped);
  };

  const claimDue = () => {
    const room: Record<string, number> = {};
    for (const [subscriptionId, count] of inFlight)
      room[subscriptionId] = settings.perSubscriptionConcurrency - count;
    const now = new Date();
    return claimDeliveries(db.prisma, {
      now,
      leaseUntil: new Date(now.getTime() + settings.timeoutMs + leaseMarginMs),
      room,
      perSubscription: settings.perSubscriptionConcurrency,
      limit: claimBatch,
    });
  };

  const start = (delivery: ClaimedDelivery) => {
    inFlight.set(delivery.subscriptionId, (inFlight.get(delivery.subscriptionId) ?? 0) + 1);
    const attempt: Promise<void> = (async () => {
      try {
        const result = await attemptDelivery(delivery, settings);
        const retryAt = await recordAttempt(db.prisma, delivery, result, settings);
        if (retryAt) wakeAt(retryAt);
      } catch (error) {
        // The lease runs out and the delivery is claimed again.
        logger.error({ err: error, deliveryId: delivery.id }, 'recording a webhook attempt failed');
      } finally {
        const left = (inFlight.get(delivery.subscriptionId) ?? 1) - 1;
        if (left > 0) inFlight.set(delivery.subscriptionId, left);
        else inFlight.delete(delivery.subscriptionId);
        wake();
      }
    })();
    attempts.add(attempt);
    attempt.finally(() => attempts.delete(attempt));
  };

  const wakeAt = (at: Date) => {
    if (stopped || at.getTime() >= retryTimerAt) return;
    clearTimeout(retryTimer);
    retryTimerAt = at.getTime();
    retryTimer = setTimeout(
      () => {
        retryTimerAt = Number.POSITIVE_INFINITY;
        wake();
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    retryTimer.unref();
  };

  const unsubscribe = eventNotifierFor(db).onEvent(() => wake(true));
  const poll = setInterval(() => wake(true), settings.pollIntervalMs);
  poll.unref();
  const prune = () =>
    pruneDeliveries(db.prisma, settings.deliveryRetentionMs).catch((error: unknown) =>
      logger.warn({ err: error }, 'pruning webhook deliveries failed; retrying later'),
    );
  const pruning = setInterval(prune, pruneIntervalMs);
  pruning.unref();
  void prune();
  wake();

  return {
    async stop() {
      stopped = true;
      unsubscribe();
      clearInterval(poll);
      clearInterval(pruning);
      clearTimeout(retryTimer);
      await running;
      await Promise.all(attempts);
    },
  };
}
