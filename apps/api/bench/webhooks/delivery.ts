import { Webhook } from 'standardwebhooks';
import { postWebhook } from '../../src/webhooks/post-webhook';
import { defaultWebhookSettings } from '../../src/webhooks/settings';
import { newConversation } from '../routing/setup';
import { type ApiChild, startApi } from '../shared/api-process';
import { runLoad } from '../shared/load';
import { withBenchDatabase } from '../shared/postgres';
import { median, type Summary, summarize } from '../shared/stats';
import { makeTempDir, removeTempDir } from '../shared/temp-dir';
import { openLoop } from './open-loop';
import type { ReceivedDelivery } from './receiver';
import { type Receiver, unverified } from './receiver-client';
import { bareKey, callAs } from './tenants';

export type DatabaseKind = 'postgresql' | 'pglite';

export interface Latency {
  changes: number;
  /** Creates that were not answered 2xx (no change, so no delivery is owed). */
  failedCreates: number;
  received: number;
  /** Deliveries beyond one per change (same webhook-id twice). */
  duplicates: number;
  unverified: number;
  /** How far the generator fell behind its schedule at worst (ms). */
  generatorLagMs: number;
  /** How long the creates took to be answered: above the latency, the API itself fell behind. */
  createAnsweredMs: Summary;
  commitToReceivedMs: Summary;
}

export interface Throughput {
  deliveries: number;
  /** Deliveries per second at the receiver, first arrival to last, per run. */
  dispatcherRates: number[];
  bareRates: number[];
  unverified: number;
  bareFailures: number;
}

export interface DeliveryOptions {
  rate: number;
  latencySeconds: number;
  deliveries: number;
  runs: number;
}

/** The API on one database, delivering in its own process (the default), to the receiver. */
export async function measureDelivery(
  kind: DatabaseKind,
  receiver: Receiver,
  options: DeliveryOptions,
  say: (line: string) => void,
): Promise<{ latency: Latency; throughput: Throughput }> {
  const env = { WEBHOOK_ALLOW_PRIVATE_TARGETS: 'true' };
  const run = async (api: ApiChild) => {
    const latency = await measureLatency(api, receiver, options);
    say(
      `  ${kind}: commit → received p50 ${Math.round(latency.commitToReceivedMs.median)} ms, p99 ${Math.round(latency.commitToReceivedMs.p99)} ms`,
    );
    const throughput = await measureThroughput(api, receiver, options);
    say(
      `  ${kind}: ${Math.round(median(throughput.dispatcherRates))} deliveries/s, bare loop ${Math.round(median(throughput.bareRates))}/s`,
    );
    return { latency, throughput };
  };
  if (kind === 'postgresql') {
    return withBenchDatabase('webhooks', async (url) => {
      const api = await startApi({ ...env, DATABASE_URL: url });
      try {
        return await run(api);
      } finally {
        await api.stop();
      }
    });
  }
  const dir = await makeTempDir('webhooks');
  try {
    const api = await startApi({ ...env, DATA_DIR: dir });
    try {
      return await run(api);
    } finally {
      await api.stop();
    }
  } finally {
    await removeTempDir(dir);
  }
}

const createRequest = (i: number) => ({
  path: '/ccaas/1/conversations',
  headers: { 'x-api-key': bareKey, 'content-type': 'application/json' },
  body: JSON.stringify(newConversation(i)),
});

/**
 * A steady `rate` of creates (open loop) for `latencySeconds`, after one second of the same to
 * warm up; each create is delivered to one subscription. Latency: from the event's `timestamp`
 * (taken by the writing transaction just before its event write and commit, so it counts the
 * commit too) to the receiver having the whole body, both read from the same machine's clock.
 */
async function measureLatency(api: ApiChild, receiver: Receiver, options: DeliveryOptions): Promise<Latency> {
  const subscription = await callAs<{ id: string; secret: string }>(
    api.url,
    bareKey,
    'POST',
    '/v1/webhooks',
    {
      url: `${receiver.url}/latency`,
      events: ['conversation.created'],
    },
  );
  const warmUp = await openLoop({ url: api.url, rate: options.rate, seconds: 1, next: createRequest });
  await receiver.waitFor(warmUp.sent, 60_000);
  await receiver.waitQuiet(500, 30_000);
  await receiver.reset();
  const load = await openLoop({
    url: api.url,
    rate: options.rate,
    seconds: options.latencySeconds,
    next: (i) => createRequest(warmUp.sent + i),
  });
  await receiver.waitFor(load.sent - load.failures, 120_000);
  await receiver.waitQuiet(500, 30_000);
  const records = await receiver.records();
  await callAs(api.url, bareKey, 'DELETE', `/v1/webhooks/${subscription.id}`);
  const latencies = records.map((record) => record.at - Date.parse(eventOf(record).timestamp));
  return {
    changes: load.sent,
    failedCreates: load.failures,
    received: records.length,
    duplicates: records.length - new Set(records.map((record) => record.id)).size,
    unverified: unverified(records, subscription.secret),
    generatorLagMs: load.lagMs,
    createAnsweredMs: load.answerMs,
    commitToReceivedMs: summarize(latencies),
  };
}

const eventOf = (record: ReceivedDelivery) => JSON.parse(record.body) as { timestamp: string };

/**
 * `deliveries` events already in the log are replayed to a new subscription (one POST
 * …/replay of their time range), and the dispatcher sends them to a receiver that answers at
 * once; against it, a bare loop posts the very bodies the receiver got, signed with the
 * `standardwebhooks` library, through the dispatcher's own HTTP client (post-webhook.ts: the same
 * keep-alive agent and request code) with as many in flight as the dispatcher allows one
 * subscription (8). Both rates are taken at the receiver, first arrival to last; runs alternate,
 * after two untimed passes of each side.
 */
async function measureThroughput(
  api: ApiChild,
  receiver: Receiver,
  options: DeliveryOptions,
): Promise<Throughput> {
  // The range holds the backlog's events and nothing before it (the latency run's are older).
  const since = new Date().toISOString();
  const backlog = await runLoad({
    url: api.url,
    connections: 8,
    total: options.deliveries,
    next: (i) => ({ method: 'POST', ...createRequest(1_000_000 + i) }),
  });
  if (backlog.failures > 0) throw new Error(`${backlog.failures} of the backlog's creates failed`);
  const until = new Date(Date.now() + 1).toISOString();
  const subscription = await callAs<{ id: string; secret: string }>(
    api.url,
    bareKey,
    'POST',
    '/v1/webhooks',
    {
      url: `${receiver.url}/throughput`,
      events: ['conversation.created'],
    },
  );
  const result: Throughput = {
    deliveries: options.deliveries,
    dispatcherRates: [],
    bareRates: [],
    unverified: 0,
    bareFailures: 0,
  };
  let bodies: ReceivedDelivery[] = [];
  const dispatcher = async (timed: boolean) => {
    await receiver.reset();
    const { replayed } = await callAs<{ replayed: number }>(
      api.url,
      bareKey,
      'POST',
      `/v1/webhooks/${subscription.id}/replay`,
      { since, until },
    );
    if (replayed !== options.deliveries)
      throw new Error(`replayed ${replayed} of ${options.deliveries} events`);
    await receiver.waitFor(replayed, 600_000);
    const records = await receiver.records();
    result.unverified += unverified(records, subscription.secret);
    if (timed) result.dispatcherRates.push(rateOf(records));
    if (bodies.length === 0) bodies = records;
  };
  const bare = async (timed: boolean) => {
    await receiver.reset();
    const failures = await bareLoop(receiver, subscription.secret, bodies);
    await receiver.waitFor(bodies.length, 60_000);
    if (!timed) return;
    result.bareFailures += failures;
    result.bareRates.push(rateOf(await receiver.records()));
  };
  // Untimed passes of each side first: neither figure counts a cold start (the compilation of
  // paths a backlog takes and a trickle does not, the HTTP agent's first sockets). Two: after
  // one, both sides still sped up (V8, and the embedded database's WebAssembly, still compiling
  // their hot code): on the embedded database the dispatcher went 2 532 → 3 648 → 4 410 a second
  // over three passes, the bare loop 4 406 → 7 514 → 8 347.
  for (let pass = 0; pass < untimedPasses; pass++) {
    await dispatcher(false);
    await bare(false);
  }
  for (let run = 0; run < options.runs; run++) {
    for (const step of run % 2 === 0 ? [dispatcher, bare] : [bare, dispatcher]) await step(true);
  }
  await callAs(api.url, bareKey, 'DELETE', `/v1/webhooks/${subscription.id}`);
  return result;
}

const untimedPasses = 2;

/** Deliveries per second between the first and the last arrival. */
function rateOf(records: readonly ReceivedDelivery[]): number {
  const times = records.map((record) => record.mono);
  const span = Math.max(...times) - Math.min(...times);
  return span > 0 ? ((records.length - 1) * 1000) / span : Number.NaN;
}

/** Posts `bodies` as signed deliveries, `perSubscriptionConcurrency` at a time; answers the failures. */
async function bareLoop(
  receiver: Receiver,
  secret: string,
  bodies: readonly ReceivedDelivery[],
): Promise<number> {
  const webhook = new Webhook(secret);
  const url = new URL(`${receiver.url}/bare`);
  const target = { address: url.hostname, family: 4 as const };
  let next = 0;
  let failures = 0;
  const worker = async () => {
    while (next < bodies.length) {
      const { id, body } = bodies[next++] as ReceivedDelivery;
      const now = new Date();
      const outcome = await postWebhook({
        url,
        target,
        headers: {
          'webhook-id': id,
          'webhook-timestamp': String(Math.floor(now.getTime() / 1000)),
          'webhook-signature': webhook.sign(id, now, body),
        },
        body,
        timeoutMs: defaultWebhookSettings.timeoutMs,
      });
      if (outcome.kind !== 'response' || outcome.status >= 300) failures++;
    }
  };
  await Promise.all(Array.from({ length: defaultWebhookSettings.perSubscriptionConcurrency }, worker));
  return failures;
}
