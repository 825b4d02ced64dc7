import type { IncomingHttpHeaders } from 'node:http';

/**
 * The credential a request presents, from any of the accepted headers:
 * `x-api-key: <key or token>`, `Authorization: App <key>` (Infobip), `Authorization: Bearer <token>`.
 * Several headers may carry it (a client that sets both styles), as long as they carry the same
 * one; different credentials are `conflicting`, never silently answered as one of them.
 */
export type PresentedCredential =
  | { kind: 'none' }
  | { kind: 'secret'; secret: string }
  | { kind: 'malformed'; reason: string }
  | { kind: 'conflicting'; reason: string };

/** Node's `req.headers`, or `req.headersDistinct`, which keeps every repeated header's value. */
export type RequestHeaders = IncomingHttpHeaders | NodeJS.Dict<string[]>;

export function readCredential(headers: RequestHeaders): PresentedCredential {
  const found: { header: string; secret: string }[] = [];
  for (const value of valuesOf(headers['x-api-key'])) {
    if (!value.trim()) return { kind: 'malformed', reason: 'x-api-key is empty' };
    found.push({ header: 'x-api-key', secret: value.trim() });
  }
  for (const value of valuesOf(headers.authorization)) {
    // `Bearer` with nothing after it (an empty $ACCESS_TOKEN in a script) is a missing token.
    if (/^(App|Bearer)$/i.test(value.trim())) continue;
    const match = /^(App|Bearer)\s+(\S+)\s*$/i.exec(value.trim());
    if (!match?.[2]) {
      return {
        kind: 'malformed',
        reason: 'Authorization must be "App <api key>" or "Bearer <access token>"',
      };
    }
    found.push({ header: `Authorization: ${match[1]}`, secret: match[2] });
  }
  const [first] = found;
  if (!first) return { kind: 'none' };
  const other = found.find((item) => item.secret !== first.secret);
  if (other) {
    const names =
      first.header === other.header ? `two ${first.header} headers` : `${first.header} and ${other.header}`;
    return {
      kind: 'conflicting',
      reason: `The request carries two different credentials (${names}); send one credential, in one header.`,
    };
  }
  return { kind: 'secret', secret: first.secret };
}

/** Every value of a header, whether Node joined repeats (x-api-key) or kept them apart (headersDistinct). */
export function valuesOf(value: string | string[] | undefined): string[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value : [value];
}
