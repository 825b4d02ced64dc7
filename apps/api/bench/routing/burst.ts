import { type ApiChild, benchApiKey, startApi } from '../shared/api-process';
import { runLoad } from '../shared/load';
import { withBenchDatabase } from '../shared/postgres';
import { cpuSecondsOf } from '../shared/proc-stats';
import { round, summarize } from '../shared/stats';
import { checkInvariants, type InvariantReport } from './invariants';
import { createFloor, newConversation } from './setup';

export interface Burst {
  processes: number;
  conversations: number;
  seconds: number;
  /** Conversations per second over the first `prefix` completions (the baseline's size). */
  prefix: { conversations: number; rate: number };
  /** CPU time of all API processes during the burst, per conversation (noise-robust). */
  apiCpuMsPerConversation: number;
  failures: number;
  /** Conversations per second in each of `windows` consecutive slices of the completions. */
  windowRates: number[];
  latencyMs: ReturnType<typeof summarize>;
  /** The first few non-2xx answers, verbatim. */
  failureSamples: string[];
  invariants: InvariantReport;
}

export interface BurstOptions {
  /** How many conversations this burst creates: the first ones of the fixed sequence. */
  conversations: number;
  /** The run the floor's capacities are sized for, so a shorter burst replays a prefix of it. */
  floorFor: number;
  /** Also report the rate over the first this many completions. */
  prefix: number;
  concurrency: number;
  windows: number;
}

/**
 * One burst on a fresh database: `count` API processes, the floor, then every create spread
 * round-robin over the processes at `concurrency` in flight; the invariants are read afterwards.
 */
export async function burst(
  count: number,
  options: BurstOptions,
  say: (line: string) => void,
): Promise<Burst> {
  const { conversations, concurrency, windows } = options;
  return withBenchDatabase('routing', async (url) => {
    const apis: ApiChild[] = [];
    try {
      // The first process migrates and bootstraps the empty database, then the others start together
      // (concurrent first starts are the API's start-up tests' subject, not this scenario's).
      apis.push(await startApi({ DATABASE_URL: url }));
      apis.push(
        ...(await Promise.all(Array.from({ length: count - 1 }, () => startApi({ DATABASE_URL: url })))),
      );
      const floor = await createFloor((apis[0] as ApiChild).url, options.floorFor);
      say(`  ${count} process(es) up; creating ${conversations.toLocaleString('en-US')} conversations`);
      const completions: number[] = [];
      const latencies: number[] = [];
      const failureSamples: string[] = [];
      const cpuBefore = await Promise.all(apis.map((api) => cpuSecondsOf(api.pid)));
      const start = performance.now();
      const loads = await Promise.all(
        apis.map((api, p) =>
          runLoad({
            url: api.url,
            connections: Math.max(1, Math.round(concurrency / count)),
            total: Math.ceil((conversations - p) / count),
            next: (i) => ({
              method: 'POST',
              path: '/ccaas/1/conversations',
              headers: { 'x-api-key': benchApiKey, 'content-type': 'application/json' },
              body: JSON.stringify(newConversation(i * count + p)),
            }),
            onResponse: (_i, status, body, latency) => {
              completions.push(performance.now());
              latencies.push(latency);
              if (status >= 300 && failureSamples.length < 5)
                failureSamples.push(`${status} ${body.slice(0, 300)}`);
            },
          }),
        ),
      );
      const seconds = (performance.now() - start) / 1000;
      const cpuAfter = await Promise.all(apis.map((api) => cpuSecondsOf(api.pid)));
      const apiCpuSeconds = cpuAfter.reduce((sum, after, p) => sum + after - (cpuBefore[p] as number), 0);
      completions.sort((a, b) => a - b);
      const prefix = Math.min(options.prefix, completions.length);
      const invariants = await checkInvariants(url, floor, { conversations, arrival: 'created' });
      const serverErrors = apis.flatMap((api) => api.errors()).slice(0, 5);
      say(`  ${count} process(es): ${round(conversations / seconds)} conv/s overall, invariants checked`);
      return {
        processes: count,
        conversations,
        seconds,
        prefix: {
          conversations: prefix,
          rate: (prefix * 1000) / ((completions[prefix - 1] as number) - start),
        },
        apiCpuMsPerConversation: (apiCpuSeconds * 1000) / conversations,
        failures: loads.reduce((sum, load) => sum + load.failures, 0),
        windowRates: sliceRates(completions, start, windows),
        latencyMs: summarize(latencies),
        failureSamples: [...failureSamples, ...serverErrors.map((line) => `server log: ${line}`)],
        invariants,
      };
    } finally {
      await Promise.all(apis.map((api) => api.stop()));
    }
  });
}

function sliceRates(completions: number[], start: number, windows: number): number[] {
  const size = Math.floor(completions.length / windows);
  const rates: number[] = [];
  let from = start;
  for (let w = 1; w <= windows && size > 0; w++) {
    const to = completions[w * size - 1] as number;
    rates.push((size * 1000) / (to - from));
    from = to;
  }
  return rates;
}
