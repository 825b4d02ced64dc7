import { z } from 'zod';

/**
 * Page-numbered lists (Infobip's paging, the project's own for its lists): `limit` from 0 to 999,
 * Infobip's documented maximum (more is 400 naming `limit`, never silently cut), a 0-based `page`,
 * and `orderBy` as `field:direction` (each list says which fields it orders by; the direction is
 * read in any case). Defaults are each list's own.
 */
export const pageInput = z.object({
  limit: z
    .number()
    .int()
    .min(0)
    .max(999, "must be at most 999 (Infobip's largest page)")
    .optional()
    .describe('Page size, at most 999.'),
  page: z.number().int().min(0).max(1_000_000).optional().describe('0-based page number.'),
  orderBy: z.string().max(64).optional().describe('field:asc or field:desc, e.g. createdAt:desc.'),
});

/** What a page-numbered list answers beside its items. */
export const paginationSchema = z.object({
  totalItems: z.number().int().nonnegative(),
  page: z.number().int().nonnegative(),
  limit: z.number().int().nonnegative(),
  orderBy: z.string(),
});
