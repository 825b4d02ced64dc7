import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: Web API calls under /api/, response_url posts under /response/. */
export interface Received {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary Slack JSON
  body: any;
  /** When it arrived (Date.now()). */
  at: number;
  /** The message timestamp a chat.postMessage was answered with. */
  ts?: string;
}

export interface FakeSlack {
  url: string;
  /** Slack's Web API base for the bot (`SLACK_API_URL`). */
  apiUrl: string;
  received: Received[];
  /** A fresh response_url; `expired` ones answer 404 as Slack does after 30 minutes. */
  responseUrl(options?: { expired?: boolean }): string;
  /** Everything posted to one response_url, in order. */
  responsesTo(url: string): Received['body'][];
  /** Waits until `count` bodies arrived at `url` (replies come after the ack). */
  waitForResponses(url: string, count?: number, timeoutMs?: number): Promise<Received['body'][]>;
  waitFor(predicate: (received: Received) => boolean, timeoutMs?: number): Promise<Received>;
  /** Web API calls to one method (`chat.postMessage`), in order. */
  calls(method: string): Received['body'][];
  /** The next `times` calls of `method` (to `channel`, if given) answer 429 with `Retry-After`. */
  rateLimit(method: string, retryAfterSeconds: number, options?: { times?: number; channel?: string }): void;
  /** Calls of `method` (to `channel`, if given) answer `{ ok: false, error }` from now on (a channel archived…). */
  fail(method: string, error: string, options?: { channel?: string }): void;
  close(): Promise<void>;
}

/** A local stand-in for slack.com: answers auth.test and chat.* with ok, records everything. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const received: Received[] = [];
  let next = 0;
  let posted = 0;
  const limited = new Map<string, { retryAfter: number; times: number; channel: string | undefined }>();
  const failing = new Map<string, { error: string; channel: string | undefined }>();
  const server: Server = createServer(async (req, res) => {
    const body = parseBody(req, await readBody(req));
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    const entry: Received = { path, body, at: Date.now() };
    received.push(entry);
    if (path.startsWith('/response/expired')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('expired_url');
      return;
    }
    if (path.startsWith('/response/')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    const method = path.slice('/api/'.length);
    const limit = limited.get(method);
    if (limit && limit.times > 0 && (limit.channel === undefined || limit.channel === body.channel)) {
      limit.times--;
      res.writeHead(429, { 'retry-after': String(limit.retryAfter), 'content-type': 'application/json' });
      res.end(JSON.stringify({ ok: false, error: 'ratelimited' }));
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
    const failure = failing.get(method);
    if (failure && (failure.channel === undefined || failure.channel === body.channel)) {
      res.end(JSON.stringify({ ok: false, error: failure.error }));
      return;
    }
    if (path === '/api/auth.test') {
      res.end(
        JSON.stringify({
          ok: true,
          url: 'https://fake.slack.test/',
          team: 'Fake',
          user: 'switchboard',
          team_id: 'T1',
          user_id: 'UBOT',
          bot_id: 'B1',
        }),
      );
    } else if (path === '/api/chat.postMessage') {
      // Real message timestamps: seconds, a dot, six digits; unique per message.
      const ts = `1700000000.${String(++posted).padStart(6, '0')}`;
      entry.ts = ts;
      res.end(JSON.stringify({ ok: true, channel: body.channel, ts, message: { ts } }));
    } else if (path.startsWith('/api/chat.')) {
      res.end(JSON.stringify({ ok: true, channel: body.channel, ts: body.ts ?? '1.1', message_ts: '1.1' }));
    } else if (path === '/api/conversations.open') {
      res.end(JSON.stringify({ ok: true, channel: { id: `D${body.users}` } }));
    } else if (path.startsWith('/api/views.')) {
      res.end(JSON.stringify({ ok: true, view: { id: 'V1' } }));
    } else {
      res.end(JSON.stringify({ ok: false, error: 'unknown_method' }));
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;

  const responsesTo = (target: string) => {
    const path = new URL(target).pathname;
    return received.filter((item) => item.path === path).map((item) => item.body);
  };
  const waitFor = async (predicate: (received: Received) => boolean, timeoutMs = 10_000) => {
    const deadline = Date.now() + timeoutMs;
    for (;;) {
      const found = received.find(predicate);
      if (found) return found;
      if (Date.now() > deadline)
        throw new Error(`fake Slack: nothing matching arrived within ${timeoutMs} ms`);
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
  return {
    url,
    apiUrl: `${url}/api/`,
    received,
    responseUrl: (options = {}) => `${url}/response/${options.expired ? 'expired-' : ''}${++next}`,
    responsesTo,
    waitForResponses: async (target, count = 1, timeoutMs = 10_000) => {
      const deadline = Date.now() + timeoutMs;
      while (responsesTo(target).length < count) {
        if (Date.now() > deadline)
          throw new Error(`fake Slack: ${target} got ${responsesTo(target).length}/${count} replies`);
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
      return responsesTo(target);
    },
    waitFor,
    calls: (method) => received.filter((item) => item.path === `/api/${method}`).map((item) => item.body),
    rateLimit: (method, retryAfter, options = {}) =>
      limited.set(method, { retryAfter, times: options.times ?? 1, channel: options.channel }),
    fail: (method, error, options = {}) => failing.set(method, { error, channel: options.channel }),
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}

async function readBody(req: IncomingMessage): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of req) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

// The Web API client posts forms (with JSON-encoded blocks); respond() posts JSON.
function parseBody(req: IncomingMessage, text: string): Record<string, unknown> {
  if (text === '') return {};
  if ((req.headers['content-type'] ?? '').includes('application/json')) return JSON.parse(text);
  const form: Record<string, unknown> = {};
  for (const [key, value] of new URLSearchParams(text)) {
    form[key] = key === 'blocks' || key === 'view' ? JSON.parse(value) : value;
  }
  return form;
}
