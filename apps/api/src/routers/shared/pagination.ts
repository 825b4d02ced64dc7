/**
 * Keyset pagination over (createdAt, id): a page is `limit` rows after the cursor row, and the
 * cursor of the next page is the id of the last row. Stable under concurrent inserts.
 */
export function pageArgs(input: { limit: number; cursor?: string | undefined }) {
  return {
    take: input.limit + 1,
    ...(input.cursor ? { cursor: { id: input.cursor }, skip: 1 } : {}),
    orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  };
}

export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
