import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion } from '../shared/postgres';
import type { ScenarioResult } from '../shared/results';
import { median, round } from '../shared/stats';
import { type Burst, burst } from './burst';

/**
 * The 1-process baseline replays this share of the run (the first quarter of the same sequence,
 * on a floor sized for the whole run) and is compared with the first quarter of the many-process
 * burst: the same requests against the same database states, at a quarter of the time.
 */
const baselineShare = 4;

/**
 * Scenario 3: N new conversations created (and so routed and assigned, autoRouteOnCreate) through
 * 4 API processes on one PostgreSQL at a fixed number of requests in flight; the baseline is the
 * first N/4 of the same workload through 1 process. Each burst gets a fresh database and fresh
 * processes.
 */
export async function runRouting(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const { conversations, processes, concurrency, windows } = config.routing;
  const prefix = Math.ceil(conversations / baselineShare);
  const shared = { floorFor: conversations, prefix, concurrency, windows };
  const many = await burst(processes, { ...shared, conversations }, log);
  const one = await burst(1, { ...shared, conversations: prefix }, log);
  const violations = (b: Burst) =>
    Object.values(b.invariants.violations).reduce((sum, count) => sum + count, 0) + b.failures;
  const first = `first ${prefix.toLocaleString('en-US')}`;
  return {
    id: 'routing-concurrency',
    title: '3. Routing under concurrency',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: finishEnvironment(environment),
    settings: { conversations, baseline: prefix, processes, concurrency, windows, quick: config.quick },
    method: [
      `${conversations.toLocaleString('en-US')} POST /ccaas/1/conversations (auto-routed and assigned in the creating transaction), ${concurrency} in flight, spread round-robin over ${processes} API processes (\`node dist/main.js\`, pool 10 each, one PostgreSQL database).`,
      `Baseline: 1 process replays the ${first} conversations of the same sequence on a floor sized for ${conversations.toLocaleString('en-US')}, so it meets the same database states as the first quarter of the ${processes}-process burst; the comparison is over those ${first} completions of each (a full-length baseline would double the scenario's time for the same comparison).`,
      'Floor: 5 queues, 50 agents (45 ACTIVE with capacities summing to ~80 % of the conversations, 3 AWAY, 2 INVISIBLE), overlapping memberships, 4 routes (tags, priority, metadata/tags `or`, channel) and a default queue.',
      `Throughput over the whole burst: the completions are cut into ${windows} consecutive slices; the median slice rate (conversations/s), next to the overall rate. API CPU: user + system time of all API processes during the burst, per conversation.`,
      'Invariants are read from the database after each burst (see the table): zero everywhere is the pass.',
    ],
    figures: [
      {
        name: `${processes} processes: conversations routed and assigned per second, ${first}`,
        value: many.prefix.rate,
        unit: 'conv/s',
        better: 'higher',
        baseline: { name: '1 process', value: one.prefix.rate },
      },
      {
        name: `${processes} processes: median slice rate over all ${conversations.toLocaleString('en-US')}`,
        value: median(many.windowRates),
        unit: 'conv/s',
        better: 'higher',
      },
      {
        name: `${processes} processes: API CPU per conversation (all processes)`,
        value: many.apiCpuMsPerConversation,
        unit: 'ms',
        better: 'lower',
        baseline: { name: '1 process', value: one.apiCpuMsPerConversation },
      },
      {
        name: 'Invariant violations and failed requests, both bursts',
        value: violations(many) + violations(one),
        unit: '',
        better: 'lower',
        goal: {
          text: 'zero double assignments, none over capacity, every queue as decideRoute says',
          met: violations(many) + violations(one) === 0,
        },
      },
    ],
    tables: [
      {
        title: 'Bursts',
        columns: [
          'Processes',
          'Conversations',
          'Wall s',
          'Overall conv/s',
          `${first}: conv/s`,
          'Median slice conv/s',
          'Slice rates',
          'Request p50 / p99 ms',
          'API CPU ms/conv',
          'Failed requests',
          'Assigned',
        ],
        rows: [many, one].map((b) => [
          b.processes,
          b.conversations,
          round(b.seconds),
          round(b.conversations / b.seconds),
          round(b.prefix.rate),
          round(median(b.windowRates)),
          b.windowRates.map(round).join(', '),
          `${round(b.latencyMs.median)} / ${round(b.latencyMs.p99)}`,
          round(b.apiCpuMsPerConversation),
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
