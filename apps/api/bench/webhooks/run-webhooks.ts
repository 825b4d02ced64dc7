import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion } from '../shared/postgres';
import type { Figure, ScenarioResult } from '../shared/results';
import { median, round } from '../shared/stats';
import { type DatabaseKind, type Latency, measureDelivery, type Throughput } from './delivery';
import { startReceiver } from './receiver-client';
import { measureWritePath, type OrganizationRuns, type WritePath } from './write-path';

const databaseName: Record<DatabaseKind, string> = { postgresql: 'PostgreSQL', pglite: 'embedded PGlite' };
const p99Goal: Record<DatabaseKind, number> = { postgresql: 250, pglite: 500 };

/**
 * Scenario 6 (issue 14): what events and webhooks cost the write path, how soon a committed
 * change reaches a receiver at a steady rate, and how fast the dispatcher delivers next to a bare
 * loop posting the same signed bodies. Every ratio compares two things measured in this run.
 */
export async function runWebhooks(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const settings = config.webhooks;
  const receiver = await startReceiver();
  try {
    const writePaths: WritePath[] = [];
    for (const mode of ['api', 'worker'] as const)
      writePaths.push(await measureWritePath(mode, receiver, settings, log));
    const deliveries: { kind: DatabaseKind; latency: Latency; throughput: Throughput }[] = [];
    for (const kind of settings.databases)
      deliveries.push({ kind, ...(await measureDelivery(kind, receiver, settings, log)) });
    return {
      id: 'webhooks',
      title: '6. Events and webhooks',
      startedAt: startedAt.toISOString(),
      durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
      environment: finishEnvironment(environment),
      settings: { ...settings, quick: config.quick },
      method: method(settings),
      figures: [...writePaths.flatMap(writeFigures), ...deliveries.flatMap(deliveryFigures)],
      tables: tables(writePaths, deliveries),
      notes: [],
      data: { writePaths, deliveries },
    };
  } finally {
    await receiver.stop();
  }
}

const modeName = (path: WritePath) =>
  path.mode === 'api' ? 'delivery in the API process (default)' : 'API only writes (WEBHOOK_DELIVERY=worker)';

function writeFigures(path: WritePath): Figure[] {
  const loaded = median(path.loaded.rates);
  const bare = median(path.bare.rates);
  return [
    {
      name: `Creates/s with ${config.webhooks.groups} groups and 10 subscriptions, ${modeName(path)}`,
      value: loaded,
      unit: 'creates/s',
      better: 'higher',
      baseline: { name: 'no groups, no subscriptions', value: bare },
      goal: { text: '≥ 0.85× without any', met: loaded / bare >= 0.85 },
    },
    {
      name: `API CPU per create with groups and subscriptions, ${modeName(path)}`,
      value: median(path.loaded.cpuMs),
      unit: 'ms',
      better: 'lower',
      baseline: { name: 'no groups, no subscriptions', value: median(path.bare.cpuMs) },
    },
  ];
}

function deliveryFigures({
  kind,
  latency,
  throughput,
}: {
  kind: DatabaseKind;
  latency: Latency;
  throughput: Throughput;
}): Figure[] {
  const name = databaseName[kind];
  const dispatcher = median(throughput.dispatcherRates);
  const bare = median(throughput.bareRates);
  const missing = latency.changes - latency.failedCreates - (latency.received - latency.duplicates);
  const problems =
    missing + latency.duplicates + latency.unverified + throughput.unverified + throughput.bareFailures;
  return [
    {
      name: `${name}: commit → webhook received p50, ${config.webhooks.rate} changes/s`,
      value: latency.commitToReceivedMs.median,
      unit: 'ms',
      better: 'lower',
    },
    {
      name: `${name}: commit → webhook received p99, ${config.webhooks.rate} changes/s`,
      value: latency.commitToReceivedMs.p99,
      unit: 'ms',
      better: 'lower',
      goal: { text: `p99 ≤ ${p99Goal[kind]} ms`, met: latency.commitToReceivedMs.p99 <= p99Goal[kind] },
    },
    {
      name: `${name}: deliveries/s to a receiver that answers at once`,
      value: dispatcher,
      unit: 'deliveries/s',
      better: 'higher',
      baseline: { name: 'bare loop, same signed bodies and HTTP client', value: bare },
      goal: { text: '≥ 0.5× the bare loop', met: dispatcher / bare >= 0.5 },
    },
    {
      name: `${name}: deliveries missing, duplicated or not verifying`,
      value: problems,
      unit: '',
      better: 'lower',
      goal: { text: 'every change delivered once, every signature verifies', met: problems === 0 },
    },
  ];
}

function method(settings: typeof config.webhooks): string[] {
  const { creates, rounds, concurrency, groups, rate, latencySeconds, deliveries, runs } = settings;
  return [
    `Write path: one API process (\`node dist/main.js\`) on a fresh PostgreSQL database holding two organizations: a bare one, and one with ${groups} groups (customer, channel + priority, refunds, open billing, topic prefix… criteria; a new conversation enters a few) and 10 webhook subscriptions (a CRM mirror of conversation changes, filtered by criteria, by group, every group change, and some for events a create never makes) to a local receiver. ${rounds} rounds of ${creates} POST /ccaas/1/conversations per organization, ${concurrency} in flight (closed loop), the same conversations in both, the order rotated each round after a warm-up of 100 each; figures are medians over rounds.`,
    'It runs twice, each time on a fresh database and process: with delivery in the API process (the default; a round ends when its deliveries have stopped arriving, and its CPU counts them), and with WEBHOOK_DELIVERY=worker, where the API only writes (the events, group enter/leave judged in memory for every group, and nothing else): the write path alone.',
    `Latency: the API delivering in its own process, one subscription to conversation.created, ${rate} creates per second sent open-loop (each on schedule whether or not earlier ones were answered) for ${latencySeconds} s after a 1 s warm-up. Commit → received is from the event's timestamp (taken in the writing transaction just before its event write and commit) to the receiver having the whole body, both on this machine's clock. Every delivery is verified with \`standardwebhooks\` afterwards.`,
    `Throughput: ${deliveries} events already in the log are replayed to a new subscription (one POST …/replay of their time range) and the dispatcher sends them to a receiver (its own process) that answers 204 at once. Baseline: a loop in the benchmark process posting the very bodies the receiver got, signed with \`standardwebhooks\`, through the dispatcher's own HTTP client (src/webhooks/post-webhook.ts: the same keep-alive agent and request code) with as many in flight as the dispatcher allows one subscription (8). Rates are taken at the receiver, first arrival to last; ${runs} runs each, alternating, after two untimed passes of each side (neither figure counts a cold start, nor a warm-up still under way).`,
    'Each process logs at info as in production. PostgreSQL, the API, the receiver and the load all share the machine: the load average beside the figures says how busy it was, and ratios (measured in the same run) are what to compare.',
  ];
}

const runsRow = (path: WritePath, organization: string, runs: OrganizationRuns) => [
  modeName(path),
  organization,
  runs.rates.map(round).join(', '),
  round(median(runs.rates)),
  round(median(runs.cpuMs)),
  round(median(runs.postgresCpuMs)),
  round(median(runs.receiverCpuMs)),
  `${round(runs.latencyMs.median)} / ${round(runs.latencyMs.p99)}`,
  round(runs.eventsPerCreate),
  round(runs.deliveriesPerCreate),
  runs.failures,
];

function tables(
  writePaths: WritePath[],
  deliveries: { kind: DatabaseKind; latency: Latency; throughput: Throughput }[],
): ScenarioResult['tables'] {
  return [
    {
      title: 'Write path (creates per organization, rounds alternating)',
      columns: [
        'Delivery',
        'Organization',
        'creates/s per round',
        'creates/s',
        'API CPU ms/create',
        'PostgreSQL CPU ms/create',
        'Receiver CPU ms/create',
        'Request p50 / p99 ms',
        'Events per create',
        'Deliveries per create',
        'Failed requests',
      ],
      rows: writePaths.flatMap((path) => [
        runsRow(path, 'bare', path.bare),
        runsRow(path, `${config.webhooks.groups} groups, 10 subscriptions`, path.loaded),
      ]),
    },
    {
      title: `Commit → webhook received at ${config.webhooks.rate} changes/s (open loop)`,
      columns: [
        'Database',
        'Changes',
        'Failed creates',
        'Received',
        'Duplicates',
        'Not verifying',
        'Generator lag ms',
        'Create answered p50 / p99 ms',
        'p50 ms',
        'p95 ms',
        'p99 ms',
        'max ms',
      ],
      rows: deliveries.map(({ kind, latency }) => [
        databaseName[kind],
        latency.changes,
        latency.failedCreates ?? '',
        latency.received,
        latency.duplicates,
        latency.unverified,
        round(latency.generatorLagMs),
        `${round(latency.createAnsweredMs.median)} / ${round(latency.createAnsweredMs.p99)}`,
        round(latency.commitToReceivedMs.median),
        round(latency.commitToReceivedMs.p95),
        round(latency.commitToReceivedMs.p99),
        round(latency.commitToReceivedMs.max),
      ]),
    },
    {
      title: 'Delivery throughput to a receiver that answers at once',
      columns: [
        'Database',
        'Deliveries per run',
        'Dispatcher per run /s',
        'Bare loop per run /s',
        'Ratio (medians)',
        'Not verifying',
        'Bare loop failures',
      ],
      rows: deliveries.map(({ kind, throughput }) => [
        databaseName[kind],
        throughput.deliveries,
        throughput.dispatcherRates.map(round).join(', '),
        throughput.bareRates.map(round).join(', '),
        round(median(throughput.dispatcherRates) / median(throughput.bareRates)),
        throughput.unverified,
        throughput.bareFailures,
      ]),
    },
  ];
}
