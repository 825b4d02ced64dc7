import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion } from '../shared/postgres';
import type { ScenarioResult } from '../shared/results';
import { median, round } from '../shared/stats';
import { type Burst, burst } from './burst';

/**
 * Scenario 3: N new conversations created (and so routed and assigned, autoRouteOnCreate) through
 * 4 API processes on one PostgreSQL at a fixed number of requests in flight; the baseline is the
 * same workload through 1 process. Each burst gets a fresh database and fresh processes.
 */
export async function runRouting(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const { conversations, processes, concurrency, windows } = config.routing;
  const many = await burst(processes, { conversations, concurrency, windows }, log);
  const one = await burst(1, { conversations, concurrency, windows }, log);
  const rate = (b: Burst) => median(b.windowRates);
  const clean = (b: Burst) =>
    b.failures === 0 && Object.values(b.invariants.violations).every((count) => count === 0);
  return {
    id: 'routing-concurrency',
    title: '3. Routing under concurrency',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: finishEnvironment(environment),
    settings: { conversations, processes, concurrency, windows, quick: config.quick },
    method: [
      `${conversations.toLocaleString('en-US')} POST /ccaas/1/conversations (auto-routed and assigned in the creating transaction), ${concurrency} in flight, spread round-robin over the API processes (\`node --import tsx src/main.ts\`, pool 10 each, one PostgreSQL database).`,
      'Floor: 5 queues, 50 agents (45 ONLINE with capacities summing to ~80 % of the conversations, 3 AWAY, 2 OFFLINE), overlapping memberships, 4 routes (tags, priority, metadata/tags `or`, channel) and a default queue.',
      `Throughput: the completions are cut into ${windows} consecutive slices; the figure is the median slice rate (conversations/s), next to the overall rate.`,
      'Invariants are read from the database afterwards (see the table): zero everywhere is the pass.',
    ],
    figures: [
      {
        name: `${processes} processes: conversations routed and assigned per second`,
        value: rate(many),
        unit: 'conv/s',
        better: 'higher',
        baseline: { name: '1 process', value: rate(one) },
      },
      {
        name: `${processes} processes: invariant violations`,
        value:
          Object.values(many.invariants.violations).reduce((sum, count) => sum + count, 0) + many.failures,
        unit: '',
        better: 'lower',
        goal: {
          text: 'zero double assignments, none over capacity, every queue as decideRoute says',
          met: clean(many),
        },
      },
    ],
    tables: [
      {
        title: 'Bursts',
        columns: [
          'Processes',
          'Wall s',
          'Overall conv/s',
          'Median slice conv/s',
          'Slice rates',
          'Request p50 / p99 ms',
          'Failed requests',
          'Assigned',
        ],
        rows: [many, one].map((b) => [
          b.processes,
          round(b.seconds),
          round(conversations / b.seconds),
          round(rate(b)),
          b.windowRates.map(round).join(', '),
          `${round(b.latencyMs.median)} / ${round(b.latencyMs.p99)}`,
          b.failures,
          `${b.invariants.assigned} of ${b.invariants.conversations}`,
        ]),
      },
      {
        title: 'Invariants (violations found after each burst)',
        columns: ['Rule', `${processes} processes`, '1 process'],
        rows: Object.keys(many.invariants.violations).map((rule) => [
          rule,
          many.invariants.violations[rule] ?? 0,
          one.invariants.violations[rule] ?? 0,
        ]),
      },
    ],
    notes: [
      ...[...many.invariants.examples, ...one.invariants.examples].map((example) => `Violation: ${example}`),
      ...[...many.failureSamples, ...one.failureSamples].map((sample) => `Failed request: ${sample}`),
    ],
    data: { bursts: [many, one] },
  };
}
