import { DomainError } from '@switchboard/core';
import type { RestRequest } from '../dialect';

/** The JSON object body an Infobip write sends, or 400 saying so. */
export function bodyObject(request: RestRequest): Record<string, unknown> {
  const { body } = request;
  if (typeof body !== 'object' || body === null || Array.isArray(body)) {
    throw new DomainError(
      'VALIDATION',
      'The request body must be a JSON object sent with "Content-Type: application/json".',
      { field: '(body)' },
    );
  }
  return body as Record<string, unknown>;
}

/** Infobip names the writing agent in the `x-agent-id` header (create message). */
export function agentHeader(request: RestRequest): string | undefined {
  const header = request.headers['x-agent-id'];
  const value = Array.isArray(header) ? header[0] : header;
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

/** Drops null members, which Infobip leaves out of its answers rather than writing null. */
export function withoutNulls<T extends Record<string, unknown>>(value: T): Partial<T> {
  return Object.fromEntries(Object.entries(value).filter(([, member]) => member !== null)) as Partial<T>;
}
