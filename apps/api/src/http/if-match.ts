import type { IncomingHttpHeaders } from 'node:http';
import { DomainError } from '@switchboard/core';

/**
 * `If-Match: "<version>"` (or a bare number) is optimistic concurrency over HTTP, a Switchboard
 * extension on every family's paths; procedures that support it take `expectedVersion`, others
 * drop the extra field.
 */
export function expectedVersionFrom(headers: IncomingHttpHeaders): { expectedVersion?: number } {
  const header = headers['if-match'];
  if (header === undefined) return {};
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match?.[1]) {
    throw new DomainError('VALIDATION', 'If-Match must be a conversation version, e.g. If-Match: "3".', {
      field: 'if-match',
    });
  }
  return { expectedVersion: Number(match[1]) };
}
