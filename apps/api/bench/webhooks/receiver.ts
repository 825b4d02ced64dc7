/**
 * Scenario 6's webhook receiver, run as its own process so neither side's sender shares its event
 * loop: it answers every POST at once (204) and keeps what arrived — the wall-clock arrival time
 * (Date.now(), comparable with an event's timestamp on the same machine), a monotonic one for
 * rates, the Standard Webhooks headers and the raw body. Signatures are verified afterwards by the
 * benchmark, off the timed path.
 * GET /_records?from=N answers the records from index N, GET /_count how many there are;
 * POST /_reset forgets them.
 * Prints `{"ready":<port>}` once listening. Env: PORT.
 */
import { createServer } from 'node:http';

export interface ReceivedDelivery {
  /** Date.now() when the body was complete. */
  at: number;
  /** performance.now() at the same moment (this process's clock), for rates. */
  mono: number;
  path: string;
  id: string;
  timestamp: string;
  signature: string;
  body: string;
}

let records: ReceivedDelivery[] = [];

const server = createServer((req, res) => {
  const chunks: Buffer[] = [];
  req.on('data', (chunk: Buffer) => chunks.push(chunk));
  req.on('end', () => {
    const url = new URL(req.url ?? '/', 'http://receiver');
    if (req.method === 'GET' && url.pathname === '/_records') {
      const from = Number(url.searchParams.get('from') ?? 0);
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(records.slice(from)));
      return;
    }
    if (req.method === 'GET' && url.pathname === '/_count') {
      res
        .writeHead(200, { 'content-type': 'application/json' })
        .end(JSON.stringify({ count: records.length }));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/_reset') {
      records = [];
      res.writeHead(204).end();
      return;
    }
    const header = (name: string) => String(req.headers[name] ?? '');
    records.push({
      at: Date.now(),
      mono: performance.now(),
      path: url.pathname,
      id: header('webhook-id'),
      timestamp: header('webhook-timestamp'),
      signature: header('webhook-signature'),
      body: Buffer.concat(chunks).toString('utf8'),
    });
    res.writeHead(204).end();
  });
});
server.keepAliveTimeout = 60_000;
server.listen(Number(process.env.PORT ?? 0), '127.0.0.1', () => {
  const address = server.address();
  process.stdout.write(
    `${JSON.stringify({ ready: typeof address === 'object' && address ? address.port : 0 })}\n`,
  );
});
