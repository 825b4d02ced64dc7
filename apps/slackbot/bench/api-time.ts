/**
 * Where a command's time goes on the API side, from the API's own request log (pino-http: one
 * JSON line per request with `time` and `responseTime`): how many API calls the bot made in a
 * window and how long the API took over them. With PGlite the database runs inside the API
 * process, so "API" here includes the database's share.
 */
export interface ApiTime {
  calls: number;
  /** Sum of the API's responseTime over those calls (ms). */
  totalMs: number;
  /** Per call, p50 / p99 (ms). */
  p50Ms: number;
  p99Ms: number;
}

export function apiTimeIn(log: string, fromEpochMs: number, toEpochMs: number): ApiTime {
  const times: number[] = [];
  for (const line of log.split('\n')) {
    if (!line.includes('"responseTime"') || !line.includes('/trpc/')) continue;
    let entry: { time?: number; responseTime?: number; req?: { url?: string } };
    try {
      entry = JSON.parse(line);
    } catch {
      continue;
    }
    const { time, responseTime } = entry;
    if (typeof time !== 'number' || typeof responseTime !== 'number') continue;
    // The event stream is one long request; its line says how long it stayed open, not work done.
    if (entry.req?.url?.includes('events')) continue;
    if (time >= fromEpochMs && time <= toEpochMs) times.push(responseTime);
  }
  times.sort((a, b) => a - b);
  const at = (q: number) => times[Math.min(times.length - 1, Math.floor(q * times.length))] ?? 0;
  return {
    calls: times.length,
    totalMs: times.reduce((sum, t) => sum + t, 0),
    p50Ms: at(0.5),
    p99Ms: at(0.99),
  };
}
