import { Agent, request } from 'node:http';
import { type Summary, summarize } from '../shared/stats';

export interface OpenLoopResult {
  sent: number;
  failures: number;
  /** How far behind its schedule the last request left (ms): near 0 means the rate was held. */
  lagMs: number;
  seconds: number;
  /** From sending each request to its whole answer: whether the API kept up with the rate. */
  answerMs: Summary;
}

/**
 * An open-loop load: request i leaves at start + i / rate seconds whether or not earlier ones were
 * answered (a steady stream of changes, as users make them), over keep-alive connections. Answers
 * are awaited only at the end. Answers how long each create took to be answered, too.
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
  const answers: Promise<number | null>[] = [];
  const start = performance.now();
  let lagMs = 0;
  for (let i = 0; i < total; i++) {
    const due = start + (i * 1000) / options.rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    lagMs = Math.max(0, performance.now() - due);
    answers.push(post(agent, target, options.next(i)));
  }
  const answered = await Promise.all(answers);
  agent.destroy();
  const times = answered.filter((ms): ms is number => ms !== null);
  return {
    sent: total,
    failures: total - times.length,
    answerMs: summarize(times),
    lagMs,
    seconds: (performance.now() - start) / 1000,
  };
}

function post(
  agent: Agent,
  target: URL,
  spec: { path: string; headers: Record<string, string>; body: string },
): Promise<number | null> {
  const sentAt = performance.now();
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
        const ok = (res.statusCode ?? 0) >= 200 && (res.statusCode ?? 0) < 300;
        res.on('end', () => resolve(ok ? performance.now() - sentAt : null));
        res.on('error', () => resolve(null));
      },
    );
    req.on('error', () => resolve(null));
    req.end(spec.body);
  });
}
