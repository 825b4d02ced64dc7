import { Agent, request } from 'node:http';
import { type Summary, summarize } from './stats';

/**
 * A closed-loop HTTP load generator over keep-alive connections (autocannon's model, in ~80
 * lines and without a dependency): `connections` workers each send a request, wait for the whole
 * response, and send the next, until the duration or the request count is reached. The same
 * generator drives the API and its baseline, so its own cost is the same on both sides.
 */
export interface LoadRequest {
  method: string;
  path: string;
  headers?: Record<string, string>;
  body?: string;
}

export interface LoadOptions {
  url: string;
  connections: number;
  /** Stop after this long… */
  durationMs?: number;
  /** …or after this many requests in all. */
  total?: number;
  /** Called for every request (index counts from 0), so requests can differ and be signed just in time. */
  next: (index: number) => LoadRequest;
  /** Sees each response (to check it, or to record what came back and when). */
  onResponse?: (index: number, status: number, body: string, latencyMs: number) => void;
}

export interface LoadResult {
  requests: number;
  /** Responses outside 2xx, and requests that failed (connection errors). */
  failures: number;
  seconds: number;
  requestsPerSecond: number;
  latencyMs: Summary;
  /** CPU seconds this process (the generator) used per wall second: near 1 means it was the bottleneck. */
  generatorCpu: number;
}

export async function runLoad(options: LoadOptions): Promise<LoadResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: options.connections });
  const latencies: number[] = [];
  let failures = 0;
  let issued = 0;
  const started = performance.now();
  const cpuBefore = process.cpuUsage();
  const deadline = options.durationMs === undefined ? Number.POSITIVE_INFINITY : started + options.durationMs;
  const limit = options.total ?? Number.POSITIVE_INFINITY;

  const worker = async () => {
    while (issued < limit && performance.now() < deadline) {
      const index = issued++;
      const spec = options.next(index);
      const sentAt = performance.now();
      try {
        const { status, body } = await send(agent, target, spec);
        const latency = performance.now() - sentAt;
        latencies.push(latency);
        if (status < 200 || status >= 300) failures++;
        options.onResponse?.(index, status, body, latency);
      } catch {
        failures++;
      }
    }
  };
  await Promise.all(Array.from({ length: options.connections }, worker));
  const seconds = (performance.now() - started) / 1000;
  const cpu = process.cpuUsage(cpuBefore);
  agent.destroy();
  return {
    requests: latencies.length,
    failures,
    seconds,
    requestsPerSecond: latencies.length / seconds,
    latencyMs: summarize(latencies),
    generatorCpu: (cpu.user + cpu.system) / 1e6 / seconds,
  };
}

function send(agent: Agent, target: URL, spec: LoadRequest): Promise<{ status: number; body: string }> {
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
        const chunks: Buffer[] = [];
        res.on('data', (chunk: Buffer) => chunks.push(chunk));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }));
        res.on('error', reject);
      },
    );
    req.on('error', reject);
    req.end(spec.body);
  });
}
