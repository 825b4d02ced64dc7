import http from 'node:http';
import https from 'node:https';
import type { LookupFunction } from 'node:net';
import type { ResolvedTarget } from './resolve-target';

/** What one attempt came to: the receiver's answer, or why there was none. */
export type AttemptOutcome =
  | { kind: 'response'; status: number; body: string; retryAfter: string | undefined }
  | { kind: 'error'; error: string };

/** The receiver's answer is kept for the deliveries list; more of it is read but not stored. */
export const maxStoredResponseChars = 1024;
const maxReadResponseBytes = 64 * 1024;

// Connections are reused per host and port. A pooled socket was opened to an address that was
// checked when it was opened; every new connection goes to the address checked for its attempt.
const agents = {
  'http:': new http.Agent({ keepAlive: true, maxSockets: 64 }),
  'https:': new https.Agent({ keepAlive: true, maxSockets: 64 }),
};

/**
 * POSTs one delivery. The connection goes to `target` (the `lookup` hands it back instead of
 * asking DNS again, so a name cannot change its answer between the check and the connection);
 * TLS still verifies the certificate for the URL's host name. Redirects are not followed (a 3xx
 * is an answer like any other). The whole attempt, answer included, ends after `timeoutMs`.
 */
export function postWebhook(options: {
  url: URL;
  target: ResolvedTarget;
  headers: Record<string, string>;
  body: string;
  timeoutMs: number;
}): Promise<AttemptOutcome> {
  const { url, target, headers, body, timeoutMs } = options;
  const pinned: LookupFunction = (_hostname, lookupOptions, callback) => {
    if (lookupOptions.all) callback(null, [{ address: target.address, family: target.family }]);
    else callback(null, target.address, target.family);
  };
  const transport = url.protocol === 'https:' ? https : http;
  return new Promise((resolve) => {
    const request = transport.request(url, {
      method: 'POST',
      agent: agents[url.protocol === 'https:' ? 'https:' : 'http:'],
      lookup: pinned,
      headers: {
        'content-type': 'application/json',
        'content-length': Buffer.byteLength(body),
        'user-agent': 'Switchboard-Webhooks/1',
        ...headers,
      },
    });
    const finish = (outcome: AttemptOutcome) => {
      clearTimeout(timer);
      resolve(outcome);
    };
    const timer = setTimeout(() => {
      finish({ kind: 'error', error: `timeout: no complete answer within ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    request.once('error', (error) => finish({ kind: 'error', error: describeNetworkError(error) }));
    request.once('response', (response) => {
      const chunks: Buffer[] = [];
      let read = 0;
      response.on('data', (chunk: Buffer) => {
        if (read < maxReadResponseBytes) chunks.push(chunk);
        read += chunk.length;
      });
      response.once('error', (error) => finish({ kind: 'error', error: describeNetworkError(error) }));
      response.once('end', () =>
        finish({
          kind: 'response',
          status: response.statusCode ?? 0,
          body: storableText(Buffer.concat(chunks)),
          retryAfter: headerValue(response.headers['retry-after']),
        }),
      );
    });
    request.end(body);
  });
}

/** Any bytes as text PostgreSQL can store: invalid UTF-8 replaced, NULs dropped, length bounded. */
function storableText(bytes: Buffer): string {
  const text = new TextDecoder('utf-8', { fatal: false }).decode(bytes).replaceAll('\u0000', '');
  if (text.length <= maxStoredResponseChars) return text;
  // Cut between characters, not inside a surrogate pair.
  return `${text.slice(0, maxStoredResponseChars).replace(/[\uD800-\uDBFF]$/, '')}…`;
}

const headerValue = (value: string | string[] | undefined): string | undefined =>
  Array.isArray(value) ? value[0] : value;

function describeNetworkError(error: Error): string {
  const code = (error as { code?: unknown }).code;
  return typeof code === 'string' ? `${code}: ${error.message}` : error.message;
}
