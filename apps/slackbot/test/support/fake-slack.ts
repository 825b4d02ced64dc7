import { createServer, type IncomingMessage, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** One request the fake received: Web API calls under /api/, response_url posts under /response/. */
export interface Received {
  path: string;
  // biome-ignore lint/suspicious/noExplicitAny: tests assert on arbitrary Slack JSON
  body: any;
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
  close(): Promise<void>;
}

/** A local stand-in for slack.com: answers auth.test and chat.* with ok, records everything. */
export async function startFakeSlack(): Promise<FakeSlack> {
  const received: Received[] = [];
  let next = 0;
  const server: Server = createServer(async (req, res) => {
    const body = parseBody(req, await readBody(req));
    const path = new URL(req.url ?? '/', 'http://fake').pathname;
    received.push({ path, body });
    if (path.startsWith('/response/expired')) {
      res.writeHead(404, { 'content-type': 'text/plain' }).end('expired_url');
      return;
    }
    if (path.startsWith('/response/')) {
      res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
      return;
    }
    res.writeHead(200, { 'content-type': 'application/json' });
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
    } else if (path.startsWith('/api/chat.')) {
      res.end(
        JSON.stringify({ ok: true, channel: body.channel, ts: `${Date.now() / 1000}`, message_ts: '1.1' }),
      );
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
    form[key] = key === 'blocks' ? JSON.parse(value) : value;
  }
  return form;
}
