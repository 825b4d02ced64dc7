/**
 * Keyset pagination over (createdAt, id): a page is `limit` rows after the cursor row, and the
 * cursor of the next page is the id of the last row. Stable under concurrent inserts.
 */
export function pageArgs<Scope extends object>(
  input: { limit: number; cursor?: string | undefined },
  scope: Scope,
) {
  return {
    take: input.limit + 1,
    ...cursorArgs(input.cursor, scope),
    orderBy: [{ createdAt: 'asc' as const }, { id: 'asc' as const }],
  };
}

/**
 * The cursor row is looked up within `scope` (the caller's organization): Prisma finds the page
 * after the row with this id, wherever it lives, so another tenant's id answered the caller's
 * rows created after it while an unknown id answered nothing (an existence and creation-time
 * oracle). Scoped, another tenant's id finds no row, exactly like an id that never existed.
 */
export function cursorArgs<Scope extends object>(
  cursor: string | undefined,
  scope: Scope,
): { cursor?: Scope & { id: string }; skip?: number } {
  return cursor ? { cursor: { ...scope, id: cursor }, skip: 1 } : {};
}

export function toPage<Row extends { id: string }>(
  rows: Row[],
  limit: number,
): { items: Row[]; nextCursor: string | null } {
  const items = rows.slice(0, limit);
  return { items, nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null };
}
