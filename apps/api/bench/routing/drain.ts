import { type ApiChild, benchApiKey, startApi } from '../shared/api-process';
import { runLoad } from '../shared/load';
import { withBenchDatabase, withClient } from '../shared/postgres';
import { cpuSecondsOf } from '../shared/proc-stats';
import { round, type Summary, summarize } from '../shared/stats';
import { createDrainFloor, seedBacklog } from './drain-setup';
import { checkInvariants, type InvariantReport } from './invariants';

export interface Drain {
  processes: number;
  backlog: number;
  /** Capacity changes sent (one per ACTIVE agent), all at once, round-robin over the processes. */
  changes: number;
  /** From the first change sent to the last assignment written (its audit row's time). */
  seconds: number;
  /** From the first change sent to the last answer (each change answers once its drain is done). */
  answeredSeconds: number;
  assigned: number;
  /** Per process, in order: changes it answered, CPU seconds it used meanwhile, drains it logged as failed. */
  perProcess: { changes: number; cpuSeconds: number; failedDrains: number }[];
  latencyMs: Summary;
  failures: number;
  failureSamples: string[];
  invariants: InvariantReport;
}

// What the API logs when a drain after a change fails and is left to the sweep (services/drain/drain-queues.ts).
const failedDrainMessage = 'draining queues after a change failed';

/**
 * The drain figure of issue 16: `backlog` conversations wait unassigned on a full queue, then
 * every ACTIVE agent's capacity is raised through the API (PUT /ccaas/1/agents/{id}, all at once,
 * round-robin over `count` processes). Each change drains the queue after it commits, so the
 * processes' drains compete for the same members; the scheduled drain sweep is set a day apart
 * so that the changes' own drains must assign everything (a leftover is a violation, not a wait
 * for the next sweep). Invariants are read afterwards.
 */
export async function drain(count: number, backlog: number, say: (line: string) => void): Promise<Drain> {
  return withBenchDatabase('drain', async (url) => {
    const env = { DATABASE_URL: url, SCHEDULED_JOBS_INTERVAL_MS: '86400000' };
    const apis: ApiChild[] = [];
    try {
      apis.push(await startApi(env));
      apis.push(...(await Promise.all(Array.from({ length: count - 1 }, () => startApi(env)))));
      const { floor, queueId } = await createDrainFloor((apis[0] as ApiChild).url, backlog);
      await seedBacklog(url, queueId, backlog);
      const raises = floor.agents.filter((agent) => agent.status === 'ACTIVE');
      say(
        `  ${count} process(es) up, ${backlog.toLocaleString('en-US')} conversations waiting; raising ${raises.length} agents' capacity`,
      );
      const latencies: number[] = [];
      const failureSamples: string[] = [];
      const cpuBefore = await Promise.all(apis.map((api) => cpuSecondsOf(api.pid)));
      const started = Date.now();
      const loads = await Promise.all(
        apis.map((api, p) => {
          const mine = raises.filter((_, i) => i % count === p);
          return runLoad({
            url: api.url,
            connections: Math.max(1, mine.length),
            total: mine.length,
            next: (i) => {
              const agent = mine[i] as (typeof mine)[number];
              return {
                method: 'PUT',
                path: `/ccaas/1/agents/${agent.id}`,
                headers: { 'x-api-key': benchApiKey, 'content-type': 'application/json' },
                body: JSON.stringify({ capacity: agent.capacity }),
              };
            },
            onResponse: (_i, status, body, latency) => {
              latencies.push(latency);
              if (status >= 300 && failureSamples.length < 5)
                failureSamples.push(`${status} ${body.slice(0, 300)}`);
            },
          });
        }),
      );
      const answeredSeconds = (Date.now() - started) / 1000;
      const cpuAfter = await Promise.all(apis.map((api) => cpuSecondsOf(api.pid)));
      const lastAssignment = await lastAssignmentAt(url);
      const invariants = await checkInvariants(url, floor, { conversations: backlog, arrival: 'seeded' });
      const seconds = lastAssignment === null ? answeredSeconds : (lastAssignment - started) / 1000;
      say(`  drain: ${invariants.assigned} assigned in ${round(seconds)} s, invariants checked`);
      const serverErrors = apis.flatMap((api) => api.errors()).slice(0, 5);
      return {
        processes: count,
        backlog,
        changes: raises.length,
        seconds,
        answeredSeconds,
        assigned: invariants.assigned,
        perProcess: apis.map((api, p) => ({
          changes: loads[p]?.requests ?? 0,
          cpuSeconds: (cpuAfter[p] as number) - (cpuBefore[p] as number),
          failedDrains: api.log().split(failedDrainMessage).length - 1,
        })),
        latencyMs: summarize(latencies),
        failures: loads.reduce((sum, load) => sum + load.failures, 0),
        failureSamples: [...failureSamples, ...serverErrors.map((line) => `server log: ${line}`)],
        invariants,
      };
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
  });
}

/** Epoch milliseconds of the last assignment's audit row (written just before its batch commits). */
function lastAssignmentAt(databaseUrl: string): Promise<number | null> {
  return withClient(databaseUrl, async (client) => {
    // The column is a UTC timestamp without time zone: its epoch is read in SQL, not by pg's parser.
    const { rows } = await client.query<{ ms: string | null }>(
      `SELECT (extract(epoch FROM max("createdAt")) * 1000)::text AS "ms"
       FROM "AuditEvent" WHERE "action" = 'conversation.assign'`,
    );
    const ms = rows[0]?.ms;
    return ms == null ? null : Number(ms);
  });
}
