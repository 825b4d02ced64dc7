import { z } from 'zod';

/** An object id in a path or body; the message names the field through zod's path. */
export const idSchema = z.string().trim().min(1, 'is required').max(64, 'is too long');

/** Timestamps go over the wire as ISO-8601 strings, for REST and tRPC alike. */
export const isoDateSchema = z.string().describe('ISO-8601 instant');

function pageLimit(fallback: number) {
  return z
    .number()
    .int()
    .min(1)
    .default(fallback)
    .transform((limit) => Math.min(limit, 100));
}

/**
 * Cursor pagination for tRPC lists. `limit` is capped (not refused) at 100, so a client asking
 * for absurd pages gets the largest page we serve.
 */
export const cursorPageInput = z.object({
  limit: pageLimit(20),
  cursor: z.string().min(1).max(128).optional(),
});

/** Symbl's lists have no paging: a page defaults to the largest one, and `nextCursor` leads on. */
export const largestPageInput = cursorPageInput.extend({ limit: pageLimit(100) });

export const toIso = (date: Date): string => date.toISOString();
export const toIsoOrNull = (date: Date | null): string | null => (date ? date.toISOString() : null);
