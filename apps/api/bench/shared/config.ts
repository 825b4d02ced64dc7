import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

/**
 * Every knob of the benchmarks, read once from BENCH_* variables. `BENCH_QUICK=1` shrinks every
 * default so the whole suite runs in a few minutes (to check the harness, not to quote figures);
 * any explicit variable still wins. The defaults are the sizes issue 6 asks for.
 */
export const repositoryRoot = fileURLToPath(new URL('../../../../', import.meta.url));
export const apiDirectory = fileURLToPath(new URL('../../', import.meta.url));

const env = process.env;
export const quick = env.BENCH_QUICK === '1' || env.BENCH_QUICK === 'true';

function integer(name: string, full: number, small: number): number {
  const text = env[name];
  if (text === undefined || text === '') return quick ? small : full;
  const value = Number(text);
  if (!Number.isInteger(value) || value < 0) throw new Error(`${name} must be a whole number, got "${text}"`);
  return value;
}

function integers(name: string, fallback: number[]): number[] {
  const text = env[name];
  if (text === undefined || text.trim() === '') return fallback;
  if (text.trim() === 'none') return [];
  const values = text.split(',').map((part) => Number(part.trim()));
  if (values.some((value) => !Number.isInteger(value) || value <= 0))
    throw new Error(
      `${name} must be "none" or a comma-separated list of positive whole numbers, got "${text}"`,
    );
  return values;
}

function databases(name: string): ('postgresql' | 'pglite')[] {
  const text = env[name]?.trim() || 'postgresql,pglite';
  const kinds = text.split(',').map((part) => part.trim());
  for (const kind of kinds)
    if (kind !== 'postgresql' && kind !== 'pglite')
      throw new Error(`${name} must list postgresql and/or pglite, comma-separated, got "${text}"`);
  return kinds as ('postgresql' | 'pglite')[];
}

const postgresSizes = integers('BENCH_SIZES', quick ? [2000, 20000] : [100_000, 1_000_000]);

export const config = {
  quick,
  /** Where results.json, results.md, group-latency.svg and results/<scenario>.json go. */
  outDir: resolve(repositoryRoot, env.BENCH_OUT ?? 'bench'),
  /** Which scenarios of this package to run (default all). */
  scenarios: (env.BENCH_SCENARIOS ?? 'groups,overhead,routing,startup,webhooks')
    .split(',')
    .map((s) => s.trim()),
  /** A PostgreSQL server on which benchmark databases are created and dropped. */
  postgresUrl: env.TEST_DATABASE_URL || env.DATABASE_URL || 'postgresql://postgres@127.0.0.1:5432/postgres',
  groups: {
    postgresSizes,
    pgliteSizes: integers(
      'BENCH_PGLITE_SIZES',
      postgresSizes.filter((size) => size <= 100_000),
    ),
    /** Timed calls per criteria and per measured path, spread over rounds. */
    samples: integer('BENCH_QUERY_SAMPLES', 20, 8),
    rounds: integer('BENCH_ROUNDS', 4, 2),
    /** Time per criteria and path after which sampling stops early (never below 4 calls). */
    budgetMs: integer('BENCH_QUERY_BUDGET_MS', 2500, 1500),
    /** Full load-and-filter passes for the baseline; one above 100 000 rows (a pass loads every row: a minute at 1 M). */
    baselineRuns: integer('BENCH_BASELINE_RUNS', 3, 3),
    baselineRunsLarge: integer('BENCH_BASELINE_RUNS_LARGE', 1, 1),
  },
  overhead: {
    seconds: integer('BENCH_HTTP_SECONDS', 5, 2),
    connections: integer('BENCH_HTTP_CONNECTIONS', 16, 8),
    runs: integer('BENCH_RUNS', 3, 2),
  },
  routing: {
    conversations: integer('BENCH_ROUTING_CONVERSATIONS', 10_000, 400),
    processes: integer('BENCH_ROUTING_PROCESSES', 4, 4),
    concurrency: integer('BENCH_ROUTING_CONCURRENCY', 32, 16),
    windows: integer('BENCH_ROUTING_WINDOWS', 10, 4),
    /** Conversations waiting on a full queue when the drain's capacity changes arrive (issue 16). */
    drain: integer('BENCH_ROUTING_DRAIN', 10_000, 500),
  },
  startup: {
    runs: integer('BENCH_STARTUP_RUNS', 3, 2),
    loadSeconds: integer('BENCH_HTTP_SECONDS', 5, 2),
    /** `npm start` through turbo as well as the API entry point directly. */
    npmStart: env.BENCH_NPM_START !== '0',
  },
  webhooks: {
    /** Creates per organization per round of the write-path comparison, and the rounds. */
    creates: integer('BENCH_WEBHOOK_CREATES', 1000, 150),
    rounds: integer('BENCH_WEBHOOK_ROUNDS', 3, 2),
    concurrency: integer('BENCH_WEBHOOK_CONCURRENCY', 16, 8),
    groups: integer('BENCH_WEBHOOK_GROUPS', 200, 200),
    /** Changes per second (open loop) and seconds of the latency measurement. */
    rate: integer('BENCH_WEBHOOK_RATE', 100, 100),
    latencySeconds: integer('BENCH_WEBHOOK_LATENCY_SECONDS', 30, 5),
    /** Deliveries per throughput run, and runs per side. */
    deliveries: integer('BENCH_WEBHOOK_DELIVERIES', 2000, 300),
    runs: integer('BENCH_WEBHOOK_RUNS', 4, 2),
    databases: databases('BENCH_WEBHOOK_DATABASES'),
  },
  slack: {
    commands: integer('BENCH_SLACK_COMMANDS', 500, 100),
    concurrency: integer('BENCH_SLACK_CONCURRENCY', 20, 20),
    runs: integer('BENCH_RUNS', 3, 2),
    /** Open loop: commands sent at this steady rate, whatever the bot's answers (issue 15). */
    rate: integer('BENCH_SLACK_RATE', 20, 20),
    seconds: integer('BENCH_SLACK_SECONDS', 30, 5),
    /** Rates tried, each for `stepSeconds`, until reply p99 crosses 1 s (the saturation rate). */
    saturationRates: integers(
      'BENCH_SLACK_SATURATION_RATES',
      quick ? [20, 40] : [20, 30, 40, 60, 80, 120, 160],
    ),
    stepSeconds: integer('BENCH_SLACK_STEP_SECONDS', 10, 3),
    /** Watched conversations, changed round-robin at `changeRate` per second. */
    cards: integer('BENCH_SLACK_CARDS', 20, 10),
    changeRate: integer('BENCH_SLACK_CHANGE_RATE', 20, 20),
  },
};

export type BenchConfig = typeof config;
