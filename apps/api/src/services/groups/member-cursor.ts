import { DomainError } from '@switchboard/core';
import type { ConversationCursor } from '@switchboard/db';

/**
 * Member pages are keyset-paged on (createdAt, id). The cursor carries both, so a page boundary
 * survives the boundary conversation being deleted; it is opaque to callers (base64url JSON).
 */
export const encodeMemberCursor = (row: { id: string; createdAt: Date }): string =>
  Buffer.from(JSON.stringify({ at: row.createdAt.toISOString(), id: row.id })).toString('base64url');

export function decodeMemberCursor(cursor: string): ConversationCursor {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    const { at, id } = (value ?? {}) as { at?: unknown; id?: unknown };
    const date = typeof at === 'string' ? new Date(at) : undefined;
    if (typeof id === 'string' && id !== '' && date && !Number.isNaN(date.getTime())) return { id, at: date };
  } catch {
    // fall through to the refusal below
  }
  throw new DomainError('VALIDATION', 'cursor is not a cursor this API returned; start again without it.', {
    field: 'cursor',
  });
}
