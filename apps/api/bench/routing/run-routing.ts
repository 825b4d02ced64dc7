import { config } from '../shared/config';
import { captureEnvironment, finishEnvironment } from '../shared/environment';
import { postgresVersion } from '../shared/postgres';
import type { ScenarioResult } from '../shared/results';
import { median, round } from '../shared/stats';
import { type Burst, burst } from './burst';
import { type Drain, drain } from './drain';
import { routeRule } from './invariants';

/**
 * The 1-process baseline replays this share of the run (the first quarter of the same sequence,
 * on a floor sized for the whole run) and is compared with the first quarter of the many-process
 * burst: the same requests against the same database states, at a quarter of the time.
 */
const baselineShare = 4;

/**
 * Scenario 3: N new conversations created (and so routed and assigned, autoRouteOnCreate) through
 * 4 API processes on one PostgreSQL at a fixed number of requests in flight; the baseline is the
 * first N/4 of the same workload through 1 process. Then the drain (issue 16): a backlog waiting
 * on a full queue, assigned by the same processes once capacity is raised. Each burst and the
 * drain get a fresh database and fresh processes.
 */
export async function runRouting(log: (line: string) => void): Promise<ScenarioResult> {
  const environment = { ...captureEnvironment(), postgres: await postgresVersion() };
  const startedAt = new Date();
  const { conversations, processes, concurrency, windows, drain: backlog } = config.routing;
  const prefix = Math.ceil(conversations / baselineShare);
  const shared = { floorFor: conversations, prefix, concurrency, windows };
  const many = await burst(processes, { ...shared, conversations }, log);
  const one = await burst(1, { ...shared, conversations: prefix }, log);
  const drained = await drain(processes, backlog, log);
  const violations = (b: Burst | Drain) =>
    Object.values(b.invariants.violations).reduce((sum, count) => sum + count, 0) + b.failures;
  const allViolations = violations(many) + violations(one) + violations(drained);
  const waiting = `${backlog.toLocaleString('en-US')} waiting`;
  const first = `first ${prefix.toLocaleString('en-US')}`;
  return {
    id: 'routing-concurrency',
    title: '3. Routing under concurrency',
    startedAt: startedAt.toISOString(),
    durationSeconds: (Date.now() - startedAt.getTime()) / 1000,
    environment: finishEnvironment(environment),
    settings: {
      conversations,
      baseline: prefix,
      processes,
      concurrency,
      windows,
      drain: backlog,
      quick: config.quick,
    },
    method: [
      `${conversations.toLocaleString('en-US')} POST /ccaas/1/conversations (auto-routed and assigned in the creating transaction), ${concurrency} in flight, spread round-robin over ${processes} API processes (\`node dist/main.js\`, pool 10 each, one PostgreSQL database).`,
      `Baseline: 1 process replays the ${first} conversations of the same sequence on a floor sized for ${conversations.toLocaleString('en-US')}, so it meets the same database states as the first quarter of the ${processes}-process burst; the comparison is over those ${first} completions of each (a full-length baseline would double the scenario's time for the same comparison).`,
      'Floor: 5 queues, 50 agents (45 ACTIVE with capacities summing to ~80 % of the conversations, 3 AWAY, 2 INVISIBLE), overlapping memberships, 4 routes (tags, priority, metadata/tags `or`, channel) and a default queue.',
      `Throughput over the whole burst: the completions are cut into ${windows} consecutive slices; the median slice rate (conversations/s), next to the overall rate. API CPU: user + system time of all API processes during the burst, per conversation.`,
      `Drain (issue 16): a fresh database and ${processes} fresh processes; one queue of 45 members (40 ACTIVE at capacity 0, 3 AWAY, 2 INVISIBLE) and 5 ACTIVE agents outside it, made through the API; ${waiting} conversations (OPEN, unassigned, oldest 1 s apart, mixed priorities) inserted into the queue by one SQL statement (setup, not measured). Then every ACTIVE agent's capacity is raised (PUT /ccaas/1/agents/{id}, ${drained.changes} requests at once, round-robin over the ${processes} processes) to 0.5–1.5× an even share of 110 % of the backlog; each change drains the queue after it commits (batches of 100, one transaction each), so the processes' drains compete for the same members. The scheduled drain sweep is set a day apart: the changes' own drains must assign everything. Time: from the first change sent to the last assignment's audit row; assignments/s over that time. Baseline: the 1-process burst's conversations/s (create, route and assign each), the same run's rate of assignment through routing.`,
      'Invariants are read from the database after each burst and after the drain (see the table): zero everywhere is the pass. The backlog was never routed, so the drain expects no route events; with room for 110 % of it, a conversation left waiting counts as "waiting while an agent had room".',
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
        name: `${processes} processes: drain of ${waiting}, assignments per second`,
        value: drained.assigned / drained.seconds,
        unit: 'conv/s',
        better: 'higher',
        baseline: { name: '1 process: create, route and assign', value: one.prefix.rate },
      },
      {
        name: `${processes} processes: drain of ${waiting}, time until all are assigned`,
        value: drained.seconds,
        unit: 's',
        better: 'lower',
      },
      {
        name: 'Invariant violations and failed requests, both bursts and the drain',
        value: allViolations,
        unit: '',
        better: 'lower',
        goal: {
          text: 'zero double assignments, none over capacity, every queue as decideRoute says, the whole backlog assigned',
          met: allViolations === 0,
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
        title: `Drain: ${waiting} conversations, capacity raised`,
        columns: [
          'Processes',
          'Capacity changes',
          'Until last assignment s',
          'Until last answer s',
          'Assignments/s',
          'Change p50 / p99 ms',
          'Changes per process',
          'API CPU s per process',
          'API CPU ms/assignment',
          'Drains failed (logged)',
          'Failed requests',
          'Assigned',
        ],
        rows: [
          [
            drained.processes,
            drained.changes,
            round(drained.seconds),
            round(drained.answeredSeconds),
            round(drained.assigned / drained.seconds),
            `${round(drained.latencyMs.median)} / ${round(drained.latencyMs.p99)}`,
            drained.perProcess.map((p) => p.changes).join(', '),
            drained.perProcess.map((p) => round(p.cpuSeconds)).join(', '),
            round((cpuSeconds(drained) * 1000) / drained.assigned),
            drained.perProcess.reduce((sum, p) => sum + p.failedDrains, 0),
            drained.failures,
            `${drained.assigned} of ${drained.invariants.conversations}`,
          ],
        ],
      },
      {
        title: 'Invariants (violations found after each burst and after the drain)',
        columns: ['Rule', `${processes} processes`, '1 process', 'Drain'],
        note: `"${routeRule('created')}" applies to the bursts' creates, "${routeRule('seeded')}" to the drain's backlog.`,
        rows: [
          ...new Set([
            ...Object.keys(many.invariants.violations),
            ...Object.keys(drained.invariants.violations),
          ]),
        ].map((rule) => [rule, ...[many, one, drained].map((b) => b.invariants.violations[rule] ?? '–')]),
      },
    ],
    notes: [
      ...[many, one, drained].flatMap((b) => b.invariants.examples).map((example) => `Violation: ${example}`),
      ...[many, one, drained].flatMap((b) => b.failureSamples).map((sample) => `Failed request: ${sample}`),
    ],
    data: { bursts: [many, one], drain: drained },
  };
}

const cpuSeconds = (d: Drain) => d.perProcess.reduce((sum, p) => sum + p.cpuSeconds, 0);
