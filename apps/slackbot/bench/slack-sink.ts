import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * Slack's side of the conversation, in the benchmark process: response_url posts (the bot's
 * replies, after the ack) are timed on arrival, and Web API calls answer `ok` so the bot never
 * falls back to a slower path.
 */
export interface SlackSink {
  url: string;
  apiUrl: string;
  /** performance.now() at which a reply to response_url `/response/<key>` arrived. */
  arrivals: Map<string, number>;
  /** Replies that were ephemeral (errors and help), and the first few distinct texts of them. */
  ephemeral: number;
  ephemeralTexts: Set<string>;
  /** Cards posted (chat.postMessage outside threads) and card updates (chat.update), with arrival times. */
  posts: { ts: string; text: string; at: number }[];
  updates: { ts: string; text: string; at: number }[];
  waitFor(keys: string[], timeoutMs: number): Promise<number>;
  close(): Promise<void>;
}

export async function startSlackSink(): Promise<SlackSink> {
  const arrivals = new Map<string, number>();
  const sink = { ephemeral: 0 };
  const ephemeralTexts = new Set<string>();
  const posts: SlackSink['posts'] = [];
  const updates: SlackSink['updates'] = [];
  let posted = 0;
  const server: Server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => chunks.push(chunk));
    req.on('end', () => {
      const path = new URL(req.url ?? '/', 'http://sink').pathname;
      if (path.startsWith('/response/')) {
        arrivals.set(path.slice('/response/'.length), performance.now());
        const body = Buffer.concat(chunks).toString();
        if (body.includes('"response_type":"ephemeral"')) {
          sink.ephemeral++;
          const text = String((JSON.parse(body) as { text?: unknown }).text ?? '').slice(0, 160);
          if (ephemeralTexts.size < 8) ephemeralTexts.add(text);
        }
        res.writeHead(200, { 'content-type': 'text/plain' }).end('ok');
        return;
      }
      // The Web API client posts forms; a message's ts must be unique (cards are found by it).
      const form = new URLSearchParams(Buffer.concat(chunks).toString());
      const at = performance.now();
      let ts = form.get('ts') ?? '1.1';
      if (path === '/api/chat.postMessage') {
        ts = `1700000000.${String(++posted).padStart(6, '0')}`;
        if (!form.get('thread_ts')) posts.push({ ts, text: form.get('text') ?? '', at });
      } else if (path === '/api/chat.update') {
        updates.push({ ts, text: form.get('text') ?? '', at });
      }
      res.writeHead(200, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify({
          ok: true,
          channel: form.get('channel') ?? 'C1',
          ts,
          user_id: 'UBOT',
          team_id: 'T1',
        }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    url,
    apiUrl: `${url}/api/`,
    arrivals,
    ephemeralTexts,
    posts,
    updates,
    get ephemeral() {
      return sink.ephemeral;
    },
    waitFor: async (keys, timeoutMs) => {
      const deadline = Date.now() + timeoutMs;
      const arrived = () => keys.filter((key) => arrivals.has(key)).length;
      while (arrived() < keys.length && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
      return arrived();
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
