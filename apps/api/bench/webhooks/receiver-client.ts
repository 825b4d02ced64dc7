import { Webhook } from 'standardwebhooks';
import { type Child, readyPort, spawnTs } from '../shared/processes';
import type { ReceivedDelivery } from './receiver';

/** The receiver process (receiver.ts) and what the benchmark asks it. */
export interface Receiver {
  /** Base URL of the receiver; deliveries may go to any path under it. */
  url: string;
  /** Its process (to read the CPU receiving took). */
  pid: number;
  count(): Promise<number>;
  records(from?: number): Promise<ReceivedDelivery[]>;
  reset(): Promise<void>;
  /** Waits until `count` deliveries arrived; throws (with how many did) after `timeoutMs`. */
  waitFor(count: number, timeoutMs: number): Promise<void>;
  /** Waits until nothing new arrived for `quietMs`: a backlog of deliveries has drained. */
  waitQuiet(quietMs: number, timeoutMs: number): Promise<number>;
  stop(): Promise<void>;
}

export async function startReceiver(): Promise<Receiver> {
  const child: Child = spawnTs('bench/webhooks/receiver.ts', { env: { PORT: '0' } });
  const url = `http://127.0.0.1:${await readyPort(child)}`;
  const get = async <T>(path: string): Promise<T> => (await fetch(`${url}${path}`)).json() as Promise<T>;
  const count = async () => (await get<{ count: number }>('/_count')).count;
  const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
  return {
    url,
    pid: child.pid,
    count,
    records: (from = 0) => get<ReceivedDelivery[]>(`/_records?from=${from}`),
    reset: async () => {
      await (await fetch(`${url}/_reset`, { method: 'POST' })).arrayBuffer();
    },
    async waitFor(expected, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      for (;;) {
        const seen = await count();
        if (seen >= expected) return;
        if (Date.now() > deadline)
          throw new Error(`the receiver got ${seen} of ${expected} deliveries within ${timeoutMs} ms`);
        await sleep(25);
      }
    },
    async waitQuiet(quietMs, timeoutMs) {
      const deadline = Date.now() + timeoutMs;
      let seen = await count();
      let since = Date.now();
      for (;;) {
        await sleep(100);
        const now = await count();
        if (now !== seen) [seen, since] = [now, Date.now()];
        else if (Date.now() - since >= quietMs) return seen;
        if (Date.now() > deadline) throw new Error(`deliveries still arriving after ${timeoutMs} ms`);
      }
    },
    stop: () => child.stop(),
  };
}

/**
 * Verifies every record with the maintained `standardwebhooks` library, as a receiver would at
 * arrival: the signature, and a timestamp within the library's 5 minutes of when the record
 * arrived (the benchmark checks after the run, which may be later than that). Answers how many
 * failed (a fast delivery that does not verify is no delivery).
 */
export function unverified(records: readonly ReceivedDelivery[], secret: string): number {
  const webhook = new Webhook(secret);
  let failed = 0;
  for (const record of records) {
    const sentAt = new Date(Number(record.timestamp) * 1000);
    const expected = webhook.sign(record.id, sentAt, record.body);
    const signed = record.signature.split(' ').includes(expected);
    const fresh = Math.abs(record.at - sentAt.getTime()) <= 5 * 60_000;
    if (!signed || !fresh) failed++;
  }
  return failed;
}
