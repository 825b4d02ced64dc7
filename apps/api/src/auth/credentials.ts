import type { IncomingHttpHeaders } from 'node:http';

/**
 * The credential a request presents, from any of the accepted headers:
 * `x-api-key: <key or token>`, `Authorization: App <key>` (Infobip), `Authorization: Bearer <token>`.
 */
export type PresentedCredential =
  | { kind: 'none' }
  | { kind: 'secret'; secret: string }
  | { kind: 'malformed'; reason: string };

export function readCredential(headers: IncomingHttpHeaders): PresentedCredential {
  const apiKey = single(headers['x-api-key']);
  if (apiKey !== undefined) {
    return apiKey.trim()
      ? { kind: 'secret', secret: apiKey.trim() }
      : { kind: 'malformed', reason: 'x-api-key is empty' };
  }
  const authorization = single(headers.authorization);
  if (authorization === undefined) return { kind: 'none' };
  // `Bearer` with nothing after it (an empty $ACCESS_TOKEN in a script) is a missing token.
  if (/^(App|Bearer)$/i.test(authorization.trim())) return { kind: 'none' };
  const match = /^(App|Bearer)\s+(\S+)\s*$/i.exec(authorization.trim());
  if (!match?.[2]) {
    return { kind: 'malformed', reason: 'Authorization must be "App <api key>" or "Bearer <access token>"' };
  }
  return { kind: 'secret', secret: match[2] };
}

function single(value: string | string[] | undefined): string | undefined {
  return Array.isArray(value) ? value[0] : value;
}
