import { type ApiChild, benchApiKey, startApi } from '../shared/api-process';
import { runLoad } from '../shared/load';
import { withBenchDatabase } from '../shared/postgres';
import { round, summarize } from '../shared/stats';
import { checkInvariants, type InvariantReport } from './invariants';
import { createFloor, newConversation } from './setup';

export interface Burst {
  processes: number;
  seconds: number;
  failures: number;
  /** Conversations per second in each of `windows` consecutive slices of the completions. */
  windowRates: number[];
  latencyMs: ReturnType<typeof summarize>;
  /** The first few non-2xx answers, verbatim. */
  failureSamples: string[];
  invariants: InvariantReport;
}

/**
 * One burst on a fresh database: `count` API processes, the floor, then every create spread
 * round-robin over the processes at `concurrency` in flight; the invariants are read afterwards.
 */
export async function burst(
  count: number,
  options: { conversations: number; concurrency: number; windows: number },
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
      const floor = await createFloor((apis[0] as ApiChild).url, conversations);
      say(`  ${count} process(es) up; creating ${conversations.toLocaleString('en-US')} conversations`);
      const completions: number[] = [];
      const latencies: number[] = [];
      const failureSamples: string[] = [];
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
      const invariants = await checkInvariants(url, floor, conversations);
      const serverErrors = apis.flatMap((api) => api.errors()).slice(0, 5);
      say(`  ${count} process(es): ${round(conversations / seconds)} conv/s overall, invariants checked`);
      return {
        processes: count,
        seconds,
        failures: loads.reduce((sum, load) => sum + load.failures, 0),
        windowRates: sliceRates(
          completions.sort((a, b) => a - b),
          start,
          windows,
        ),
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
