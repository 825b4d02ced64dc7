import { connect } from 'node:net';
import { send, type TestResponse } from '../../support/test-api';

export type { TestResponse };

/** One tRPC procedure over HTTP, as @trpc/client's httpLink sends it (no transformer). */
export function callTrpc(
  baseUrl: string,
  procedure: { path: string; type: string },
  input: unknown,
  headers: Record<string, string>,
): Promise<TestResponse> {
  if (procedure.type === 'subscription') return subscribeBriefly(baseUrl, procedure.path, input, headers);
  if (procedure.type === 'query') {
    const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
    return send(`${baseUrl}/trpc/${procedure.path}${query}`, { headers });
  }
  return send(`${baseUrl}/trpc/${procedure.path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(input ?? null),
  });
}

/**
 * A tRPC subscription over SSE, as httpSubscriptionLink opens it, read only until it has either
 * refused (tRPC sends a `serialized-error` event after `connected`: its `httpStatus` becomes the
 * answer's status) or has been running quietly for a moment (200, with the text so far).
 */
async function subscribeBriefly(
  baseUrl: string,
  path: string,
  input: unknown,
  headers: Record<string, string>,
): Promise<TestResponse> {
  const abort = new AbortController();
  const query = input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`;
  const res = await fetch(`${baseUrl}/trpc/${path}${query}`, {
    headers: { ...headers, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  if (!res.headers.get('content-type')?.startsWith('text/event-stream')) {
    const text = await res.text();
    return { status: res.status, headers: res.headers, body: text === '' ? undefined : JSON.parse(text) };
  }
  const reader = res.body?.pipeThrough(new TextDecoderStream()).getReader();
  let text = '';
  const quiet = setTimeout(() => abort.abort(), 1_000);
  try {
    while (!text.includes('event: serialized-error')) {
      const chunk = await reader?.read();
      if (!chunk || chunk.done) break;
      text += chunk.value;
    }
  } catch {
    // Quiet for a second: the subscription is running.
  } finally {
    clearTimeout(quiet);
    abort.abort();
  }
  const error = /event: serialized-error\ndata: (.*)\n/.exec(text)?.[1];
  if (!error) return { status: res.status, headers: res.headers, body: text };
  const parsed = JSON.parse(error);
  return { status: parsed.data?.httpStatus ?? 500, headers: res.headers, body: { error: parsed } };
}

export interface RestCall {
  method: string;
  /** Path with query string. */
  url: string;
  body?: string | undefined;
  headers: Record<string, string>;
}

export function sendRest(baseUrl: string, call: RestCall): Promise<TestResponse> {
  return send(`${baseUrl}${call.url}`, {
    method: call.method,
    headers: call.headers,
    ...(call.body === undefined ? {} : { body: call.body }),
  });
}

/** Runs `work` over `items` with at most `concurrency` in flight; results keep the input order. */
export async function inPool<T, R>(
  items: readonly T[],
  concurrency: number,
  work: (item: T, index: number) => Promise<R>,
): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const index = next++;
      results[index] = await work(items[index] as T, index);
    }
  };
  await Promise.all(Array.from({ length: Math.max(1, Math.min(concurrency, items.length)) }, worker));
  return results;
}

/**
 * Bytes straight onto a socket, for requests fetch refuses to make (non-ASCII header values,
 * broken percent-encoding, a lying content-length). Answers the status and the body text.
 */
export function rawRequest(
  baseUrl: string,
  head: string,
  body: Buffer | string = '',
): Promise<{ status: number; text: string }> {
  const { hostname, port } = new URL(baseUrl);
  return new Promise((resolve, reject) => {
    const socket = connect(Number(port), hostname);
    let received = Buffer.alloc(0);
    const finish = () => {
      const text = received.toString('utf8');
      const status = Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0);
      socket.destroy();
      resolve({ status, text: text.slice(text.indexOf('\r\n\r\n') + 4) });
    };
    socket.setTimeout(30_000, () => socket.destroy(new Error(`no answer to: ${head.split('\r\n')[0]}`)));
    // The answer is complete once its content-length has arrived; the server may still be
    // waiting for the rest of a body it refused, so do not wait for it to close the socket.
    socket.on('data', (chunk: Buffer) => {
      received = Buffer.concat([received, chunk]);
      const text = received.toString('latin1');
      const end = text.indexOf('\r\n\r\n');
      const length = /\r\ncontent-length: *(\d+)/i.exec(text.slice(0, end));
      if (end >= 0 && length && received.length - (end + 4) >= Number(length[1])) finish();
    });
    socket.on('error', reject);
    socket.on('close', finish);
    socket.write(
      Buffer.concat([Buffer.from(head, 'latin1'), Buffer.isBuffer(body) ? body : Buffer.from(body)]),
    );
  });
}

/** `key=value` figures on one line per part, so CI logs show what each part tried. */
export function report(part: string, figures: Record<string, number | string>): void {
  const text = Object.entries(figures)
    .map(([name, value]) => `${name}=${value}`)
    .join(', ');
  console.log(`[hardening] ${part}: ${text}`);
}

/** Counts by outcome, e.g. `404: 61, 2xx-own-tenant: 12`. */
export class Tally {
  readonly counts = new Map<string, number>();
  add(outcome: string, by = 1): void {
    this.counts.set(outcome, (this.counts.get(outcome) ?? 0) + by);
  }
  get(outcome: string): number {
    return this.counts.get(outcome) ?? 0;
  }
  get total(): number {
    return [...this.counts.values()].reduce((sum, count) => sum + count, 0);
  }
  toFigures(): Record<string, number> {
    return Object.fromEntries([...this.counts.entries()].sort(([a], [b]) => a.localeCompare(b)));
  }
}

/** encodeURIComponent, except that an unpaired surrogate becomes the (invalid) UTF-8 bytes of one. */
export function encodeText(value: string): string {
  return value.replace(/[\ud800-\udbff][\udc00-\udfff]|[\s\S]/g, (char) =>
    /^[\ud800-\udfff]$/.test(char) ? '%ED%A0%80' : encodeURIComponent(char),
  );
}

/** True when the text has an unpaired UTF-16 surrogate (no URL or UTF-8 body can carry it). */
export const hasLoneSurrogate = (text: string): boolean =>
  /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/.test(text);

/** JSON text of database rows, whose BigInt columns JSON.stringify refuses. */
export const rowJson = (value: unknown): string =>
  JSON.stringify(value, (_key, item) => (typeof item === 'bigint' ? item.toString() : item));
