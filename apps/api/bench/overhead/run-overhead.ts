import { startApi } from '../shared/api-process';
import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion, withBenchDatabase } from '../shared/postgres';
import { type Child, readyPort, spawnTs } from '../shared/processes';
import type { Figure, ScenarioResult } from '../shared/results';
import { median, round } from '../shared/stats';
import { type Measured, measure } from './measure';
import { checkSameAnswer, seededConversations, seedThroughSql, targetsFor } from './targets';

/** Scenario 2: GET one conversation over REST and tRPC against a bare Express + pg handler. */
export async function runOverhead(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const { seconds, connections, runs } = config.overhead;
  const measured = await withBenchDatabase('overhead', async (url) => {
    const api = await startApi({ DATABASE_URL: url });
    let bare: Child | undefined;
    try {
      const { organizationId, ids } = await seedThroughSql(url);
      bare = spawnTs('bench/overhead/bare-server.ts', {
        env: { DATABASE_URL: url, ORGANIZATION_ID: organizationId, PORT: '0', POOL_SIZE: '10' },
      });
      const targets = targetsFor(api, bare, await readyPort(bare));
      await checkSameAnswer(targets, ids[0] as string);
      log(`  API and bare server ready; ${connections} connections, ${seconds} s per run, ${runs} runs each`);
      return await measure(targets, ids, { seconds, connections, runs });
    } finally {
      await bare?.stop();
      await api.stop();
    }
  });
  return result(measured, {
    environment,
    startedAt,
    settings: { seconds, connections, runs, seededConversations, quick: config.quick },
  });
}

function result(
  measured: Measured[],
  context: {
    environment: ReturnType<typeof captureEnvironment>;
    startedAt: Date;
    settings: Record<string, unknown>;
  },
): ScenarioResult {
  const rps = (m: Measured) => median(m.runs.map((run) => run.requestsPerSecond));
  const p99 = (m: Measured) => median(m.runs.map((run) => run.latencyMs.p99));
  const cpuPerRequest = (m: Measured) =>
    median(m.runs.map((run) => (1000 * run.serverCpu) / run.requestsPerSecond));
  const [bare, ...api] = measured as [Measured, ...Measured[]];
  const figures: Figure[] = api.flatMap((m) => [
    {
      name: `${m.target.name}: throughput`,
      value: rps(m),
      unit: 'req/s',
      better: 'higher' as const,
      baseline: { name: bare.target.name, value: rps(bare) },
      // Issue 12: no slower than before the Infobip work, when REST measured 0.65 of the baseline.
      goal: { text: '≥ 0.65 of the bare baseline', met: rps(m) / rps(bare) >= 0.65 },
    },
    {
      name: `${m.target.name}: p99 latency`,
      value: p99(m),
      unit: 'ms',
      better: 'lower' as const,
      baseline: { name: bare.target.name, value: p99(bare) },
    },
    {
      name: `${m.target.name}: server CPU per request`,
      value: cpuPerRequest(m),
      unit: 'ms',
      better: 'lower' as const,
      baseline: { name: bare.target.name, value: cpuPerRequest(bare) },
    },
  ]);
  return {
    id: 'api-overhead',
    title: '2. API overhead: GET one conversation',
    startedAt: context.startedAt.toISOString(),
    durationSeconds: (Date.now() - context.startedAt.getTime()) / 1000,
    environment: finishEnvironment(context.environment),
    settings: context.settings,
    method: [
      'The API runs as its own process (`node --import tsx src/main.ts`, PostgreSQL, pool 10, LOG_LEVEL=info as in production, rate limit lifted); the baseline is a bare Express + `pg` process (pool 10) running the statement the API runs (the row and its tag names in one SELECT), with no auth, logging or validation.',
      `The database holds ${seededConversations.toLocaleString('en-US')} conversations of the measured organization; requests cycle over 100 of them.`,
      'Load: a closed-loop keep-alive generator in the benchmark process (bench/shared/load.ts), N connections each sending the next request when the previous answer is complete; a 1 s warm-up per target, then runs rotated between targets. Figures are medians over runs.',
      "Server CPU is the target process's CPU seconds per second (up to 1 for one Node process); generator CPU near 1 would mean the generator, not the server, was the limit. CPU ms per request is the server's own cost of one answer, the figure least disturbed by a busy machine.",
    ],
    figures,
    tables: [
      {
        title: 'Per target (median over runs)',
        columns: [
          'Target',
          'req/s per run',
          'req/s',
          'p50 ms',
          'p99 ms',
          'Failures',
          'Server CPU',
          'Server CPU ms per request',
          'Generator CPU',
        ],
        rows: measured.map((m) => [
          m.target.name,
          m.runs.map((run) => round(run.requestsPerSecond)).join(', '),
          round(rps(m)),
          round(median(m.runs.map((run) => run.latencyMs.median))),
          round(p99(m)),
          m.runs.reduce((sum, run) => sum + run.failures, 0),
          round(median(m.runs.map((run) => run.serverCpu))),
          round(cpuPerRequest(m)),
          round(median(m.runs.map((run) => run.generatorCpu))),
        ]),
      },
    ],
    notes: [],
    data: { measured: measured.map((m) => ({ target: m.target.name, runs: m.runs })) },
  };
}
