import { Agent, request } from 'node:http';
import type { LoadRequest } from '../../api/bench/shared/load';

export interface OpenLoopResult {
  /** Requests sent, and when each was sent (performance.now()), by index. */
  sentAt: number[];
  /** HTTP answer time per request (ms), for those answered. */
  latencies: number[];
  failures: number;
  /** How late the sender itself was against the schedule, at worst (ms): near 0 means the rate was kept. */
  worstLagMs: number;
}

/**
 * An open-loop sender: request `i` leaves at `start + i / rate` whether or not earlier ones were
 * answered — the way Slack delivers a busy workspace's commands, unlike a closed loop, where a
 * slow answer delays the next request and hides the queue that builds up behind it.
 */
export async function runOpenLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  next: (index: number) => LoadRequest;
}): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.max(1, Math.round(options.rate * options.seconds));
  const interval = 1000 / options.rate;
  const sentAt: number[] = [];
  const latencies: number[] = [];
  let failures = 0;
  let worstLagMs = 0;
  const inFlight: Promise<void>[] = [];
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    const due = start + i * interval;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const now = performance.now();
    worstLagMs = Math.max(worstLagMs, now - due);
    sentAt[i] = now;
    inFlight.push(
      send(agent, target, options.next(i)).then(
        (status) => {
          latencies.push(performance.now() - now);
          if (status < 200 || status >= 300) failures++;
        },
        () => {
          failures++;
        },
      ),
    );
  }
  await Promise.all(inFlight);
  agent.destroy();
  return { sentAt, latencies, failures, worstLagMs };
}

function send(agent: Agent, target: URL, spec: LoadRequest): Promise<number> {
  return new Promise((resolve, reject) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: spec.method,
        path: spec.path,
        headers: {
          ...(spec.body === undefined ? {} : { 'content-length': Buffer.byteLength(spec.body) }),
          ...spec.headers,
        },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve(res.statusCode ?? 0));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(spec.body);
  });
}
