import type { Database } from '@switchboard/db';
import { eventNotifierFor } from '../events';
import type { Logger } from '../logger';
import { type AttemptResult, attemptDelivery } from './attempt-delivery';
import { type ClaimedDelivery, claimDeliveries } from './claim-deliveries';
import { type DispatchPolicy, dispatchPolicies } from './dispatch-policy';
import { fanOutEvents } from './fan-out';
import { pruneDeliveries } from './prune-deliveries';
import { recordAttempt } from './record-attempt';
import { recordDeliveries } from './record-deliveries';
import { releaseDeliveries } from './release-deliveries';
import type { WebhookSettings } from './settings';
import { subscriberOrganizations } from './subscriber-organizations';

export interface WebhookDispatcher {
  /** Stops claiming work and waits for the attempts in flight (their results are written). */
  stop(): Promise<void>;
}

// Attempts claimed per claim statement. Each subscription may have `prefetchRounds` times its
// concurrency claimed at once (sent `perSubscriptionConcurrency` at a time), so a busy
// subscription needs one claim per several attempts; each lease covers the attempts ahead of
// its delivery in this process's line and outlives its own attempt's timeout by a margin.
// Results of finished attempts are written together (the policy says when). Each write is a
// commit (an fsync on the embedded database); the receivers have their deliveries already.
const claimBatch = 200;
const leaseMarginMs = 10_000;
const pruneIntervalMs = 3_600_000;
// Every process hears every organization's events, and most organizations subscribe to nothing:
// a notification of an organization without an enabled subscription starts no fan-out round
// while the list of those that have one is younger than this. It is read again at most this
// often, and a skipped notification is looked at again when it is, so a new subscription's
// first events are late by at most this much (its cursor keeps them).
const subscribersRefreshMs = 1_000;

/**
 * Delivers webhooks from this process: wakes on every committed event (the event notifier, from
 * any process) of an organization that subscribes (subscribersRefreshMs), on a poll as a
 * fallback, when a retry of its own comes due and when an attempt ends. It turns new events
 * into deliveries (after a notification or the poll), writes the results of finished attempts
 * (the successes in one statement), then claims due deliveries and
 * sends them, at most `perSubscriptionConcurrency` in flight per subscription, so a slow or dead
 * receiver holds its own slots and nobody else's. An attempt that ends starts the subscription's
 * next claimed one at once, without waiting for the database. Any number of processes may run
 * one against the same database.
 */
export function startWebhookDispatcher(
  db: Database,
  settings: WebhookSettings,
  logger: Logger,
  policy: DispatchPolicy = dispatchPolicies[db.kind],
): WebhookDispatcher {
  const perSubscription = settings.perSubscriptionConcurrency * policy.prefetchRounds;
  const refillAt = perSubscription * policy.refillShare;
  // Claimed and not finished, by subscription: waiting to be sent, and being sent.
  const waiting = new Map<string, ClaimedDelivery[]>();
  const sending = new Map<string, number>();
  // Subscriptions whose last claim filled all the room they had: more of theirs may be due.
  const mayHaveMore = new Set<string>();
  const finished: { delivery: ClaimedDelivery; result: AttemptResult }[] = [];
  // Claimed and their results not written yet (waiting, sending or finished): a claim without a
  // lease (policy.leases false) reads past them.
  const held = new Set<string>();
  const attempts = new Set<Promise<void>>();
  let stopped = false;
  let running: Promise<void> | null = null;
  let again = false;
  // New events to turn into deliveries (a notification or the poll). A claim follows a fan-out
  // that made deliveries, the poll (another process's work, a replay), a retry coming due, and
  // a subscription of ours running low on claimed deliveries; a finished attempt otherwise only
  // needs its result written. Most events make no delivery here (no subscription wants them, or
  // another process fanned them out): they cost no claim, which on the embedded database's one
  // connection is time taken from the writes.
  let eventsMayWait = true;
  let claimWanted = true;
  let resultsDue = false;
  let resultTimer: NodeJS.Timeout | undefined;
  // New events wait for this moment (policy.fanOutGapMs after the last fan-out began), on a timer.
  let fanOutAfter = 0;
  let fanOutTimer: NodeJS.Timeout | undefined;
  let retryTimer: NodeJS.Timeout | undefined;
  let retryTimerAt = Number.POSITIVE_INFINITY;
  let subscribers: Set<string> | null = null;
  let subscribersReadAt = Number.NEGATIVE_INFINITY;
  let skippedTimer: NodeJS.Timeout | undefined;

  const wake = (newEvents = false, claim = false) => {
    if (stopped) return;
    eventsMayWait ||= newEvents;
    claimWanted ||= claim;
    if (running) {
      again = true;
      return;
    }
    running = work().finally(() => {
      running = null;
      if (again || (eventsMayWait && !fanOutTimer) || claimWanted || resultsDue) wake();
    });
  };

  const work = async () => {
    do {
      again = false;
      try {
        if (resultsDue) {
          resultsDue = false;
          clearTimeout(resultTimer);
          resultTimer = undefined;
          await writeFinished();
        }
        if (stopped) return;
        if (eventsMayWait) {
          const wait = fanOutAfter - Date.now();
          if (wait > 0) {
            fanOutTimer ??= setTimeout(() => {
              fanOutTimer = undefined;
              wake();
            }, wait);
          } else {
            eventsMayWait = false;
            fanOutAfter = Date.now() + policy.fanOutGapMs;
            if (Date.now() - subscribersReadAt >= subscribersRefreshMs) {
              // Read before the statement starts: a subscription committed after its snapshot is
              // caught by the next read, which a skipped notification waits for.
              const readAt = Date.now();
              subscribers = await subscriberOrganizations(db.prisma);
              subscribersReadAt = readAt;
            }
            if ((await fanOutEvents(db.prisma)) > 0) claimWanted = true;
          }
        }
        if (!claimWanted) continue;
        claimWanted = false;
        const { claimed, room } = await claimDue();
        const counts = new Map<string, number>();
        for (const delivery of claimed) {
          const queue = waiting.get(delivery.subscriptionId) ?? [];
          queue.push(delivery);
          waiting.set(delivery.subscriptionId, queue);
          counts.set(delivery.subscriptionId, (counts.get(delivery.subscriptionId) ?? 0) + 1);
        }
        mayHaveMore.clear();
        for (const [subscriptionId, count] of counts) {
          if (count >= room(subscriptionId)) mayHaveMore.add(subscriptionId);
          send(subscriptionId);
        }
        if (claimed.length === claimBatch) again = claimWanted = true;
      } catch (error) {
        if (!stopped) logger.error({ err: error }, 'webhook dispatch failed; retrying on the next wake');
      }
    } while (again && !stopped);
  };

  const writeFinished = async () => {
    const batch = finished.splice(0);
    const delivered = batch.filter(({ result }) => result.verdict === 'delivered');
    try {
      await recordDeliveries(db.prisma, delivered);
    } catch (error) {
      // The leases run out and the deliveries are claimed again (a duplicate, same webhook-id).
      logger.error({ err: error, count: delivered.length }, 'recording webhook deliveries failed');
    }
    for (const { delivery, result } of batch) {
      held.delete(delivery.id);
      if (result.verdict === 'delivered') continue;
      try {
        const retryAt = await recordAttempt(db.prisma, delivery, result, settings);
        if (retryAt) wakeAt(retryAt);
      } catch (error) {
        logger.error({ err: error, deliveryId: delivery.id }, 'recording a webhook attempt failed');
      }
    }
  };

  const claimedOf = (subscriptionId: string) =>
    (waiting.get(subscriptionId)?.length ?? 0) + (sending.get(subscriptionId) ?? 0);

  const claimDue = async () => {
    const room: Record<string, number> = {};
    for (const subscriptionId of new Set([...waiting.keys(), ...sending.keys()]))
      room[subscriptionId] = perSubscription - claimedOf(subscriptionId);
    const claimed = await claimDeliveries(db.prisma, {
      now: new Date(),
      lease: policy.leases
        ? {
            attemptMs: settings.timeoutMs,
            marginMs: leaseMarginMs,
            concurrency: settings.perSubscriptionConcurrency,
          }
        : null,
      held: policy.leases ? [] : [...held],
      room,
      perSubscription,
      limit: claimBatch,
    });
    for (const delivery of claimed) held.add(delivery.id);
    if (claimed.length > 0) logger.debug({ claimed: claimed.length }, 'claimed webhook deliveries');
    return { claimed, room: (subscriptionId: string) => room[subscriptionId] ?? perSubscription };
  };

  // Starts the subscription's waiting deliveries while it has a free slot.
  const send = (subscriptionId: string) => {
    if (stopped) return;
    const queue = waiting.get(subscriptionId) ?? [];
    while (queue.length > 0 && (sending.get(subscriptionId) ?? 0) < settings.perSubscriptionConcurrency) {
      start(queue.shift() as ClaimedDelivery);
    }
    // The policy's share of its line left while more may be due: claim again now, so the next claim is back
    // before the line runs dry and the receiver never waits for the database.
    if (queue.length <= refillAt && mayHaveMore.has(subscriptionId)) claimWanted = true;
    if (queue.length === 0) waiting.delete(subscriptionId);
  };

  const start = (delivery: ClaimedDelivery) => {
    const { subscriptionId } = delivery;
    sending.set(subscriptionId, (sending.get(subscriptionId) ?? 0) + 1);
    const attempt: Promise<void> = attemptDelivery(delivery, settings).then((result) => {
      finished.push({ delivery, result });
      const left = (sending.get(subscriptionId) ?? 1) - 1;
      if (left > 0) sending.set(subscriptionId, left);
      else sending.delete(subscriptionId);
      send(subscriptionId);
      if (finished.length >= policy.resultBatch) resultsDue = true;
      else
        resultTimer ??= setTimeout(() => {
          resultsDue = true;
          wake();
        }, policy.resultDelayMs);
      if (resultsDue || claimWanted) wake();
    });
    attempts.add(attempt);
    void attempt.finally(() => attempts.delete(attempt));
  };

  const wakeAt = (at: Date) => {
    if (stopped || at.getTime() >= retryTimerAt) return;
    clearTimeout(retryTimer);
    retryTimerAt = at.getTime();
    retryTimer = setTimeout(
      () => {
        retryTimerAt = Number.POSITIVE_INFINITY;
        wake(false, true);
      },
      Math.max(0, at.getTime() - Date.now()),
    );
    retryTimer.unref();
  };

  const onEvent = (organizationId: string) => {
    const readFor = Date.now() - subscribersReadAt;
    if (subscribers && readFor < subscribersRefreshMs && !subscribers.has(organizationId)) {
      skippedTimer ??= setTimeout(() => {
        skippedTimer = undefined;
        wake(true);
      }, subscribersRefreshMs - readFor);
      return;
    }
    wake(true);
  };

  const notifier = eventNotifierFor(db);
  const unsubscribe = notifier.onEvent(onEvent);
  // Events committed before this process's LISTEN took effect notified no one here: look once
  // more when it has, rather than leave them to the poll.
  void notifier.ready.then(
    () => wake(true),
    () => {},
  );
  const poll = setInterval(() => wake(true, true), settings.pollIntervalMs);
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
      clearTimeout(resultTimer);
      clearTimeout(fanOutTimer);
      clearTimeout(skippedTimer);
      await running;
      await Promise.all(attempts);
      await writeFinished();
      // Claimed but never sent: due again now, for another process or the next start.
      const unsent = [...waiting.values()].flat();
      waiting.clear();
      held.clear();
      // A claim without a lease wrote nothing: its rows are due as they are.
      if (!policy.leases) return;
      await releaseDeliveries(db.prisma, unsent).catch((error: unknown) =>
        logger.warn({ err: error }, 'releasing unsent webhook deliveries failed; their leases run out'),
      );
    },
  };
}
