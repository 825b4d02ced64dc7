import { Agent, request } from 'node:http';

export interface OpenLoopResult {
  sent: number;
  failures: number;
  /** How far behind its schedule the last request left (ms): near 0 means the rate was held. */
  lagMs: number;
  seconds: number;
}

/**
 * An open-loop load: request i leaves at start + i / rate seconds whether or not earlier ones were
 * answered (a steady stream of changes, as users make them), over keep-alive connections. Answers
 * are awaited only at the end.
 */
export async function openLoop(options: {
  url: string;
  rate: number;
  seconds: number;
  next: (index: number) => { path: string; headers: Record<string, string>; body: string };
}): Promise<OpenLoopResult> {
  const target = new URL(options.url);
  const agent = new Agent({ keepAlive: true, maxSockets: 256 });
  const total = Math.round(options.rate * options.seconds);
  const answers: Promise<boolean>[] = [];
  const start = performance.now();
  let lagMs = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lagMs = Math.max(0, performance.now() - due);
    answers.push(post(agent, target, options.next(i)));
  }
  const ok = await Promise.all(answers);
  agent.destroy();
  return {
    sent: total,
    failures: ok.filter((answer) => !answer).length,
    lagMs,
    seconds: (performance.now() - start) / 1000,
  };
}

function post(
  agent: Agent,
  target: URL,
  spec: { path: string; headers: Record<string, string>; body: string },
): Promise<boolean> {
  return new Promise((resolve) => {
    const req = request(
      {
        agent,
        host: target.hostname,
        port: target.port,
        method: 'POST',
        path: spec.path,
        headers: { 'content-length': Buffer.byteLength(spec.body), ...spec.headers },
      },
      (res) => {
        res.resume();
        res.on('end', () => resolve((res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300));
        res.on('error', () => resolve(false));
      },
    );
    req.on('error', () => resolve(false));
    req.end(spec.body);
  });
}
