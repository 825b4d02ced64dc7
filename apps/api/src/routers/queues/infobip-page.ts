import { z } from 'zod';
import { loadSettings } from '../../services/settings/load-settings';
import { pageInput } from '../shared/page-input';
import { cursorArgs } from '../shared/pagination';

type Direction = 'asc' | 'desc';
type Ordering = { createdAt?: Direction; name?: Direction; id?: Direction }[];

const orderings = {
  'id:asc': [{ id: 'asc' }],
  'id:desc': [{ id: 'desc' }],
  'createdAt:asc': [{ createdAt: 'asc' }, { id: 'asc' }],
  'createdAt:desc': [{ createdAt: 'desc' }, { id: 'desc' }],
  'name:asc': [{ name: 'asc' }, { id: 'asc' }],
  'name:desc': [{ name: 'desc' }, { id: 'desc' }],
} satisfies Record<string, Ordering>;
type OrderBy = keyof typeof orderings;

/**
 * The paging of every page-numbered list (../shared/page-input; the default `limit` is the
 * organization's default page size) with `orderBy` read here, plus a `cursor` for tRPC clients:
 * when a cursor (the previous page's `nextCursor`) is sent, `page` is ignored and the list
 * continues after that row, which stays stable while rows are added.
 */
export const infobipPageInput = pageInput.extend({
  page: pageInput.shape.page.unwrap().default(0),
  // Infobip writes the direction in capitals (`id:ASC`); a bare field is ascending.
  orderBy: z
    .preprocess(
      (value) => (typeof value === 'string' ? normalizedOrder(value) : value),
      z.enum(Object.keys(orderings) as [OrderBy, ...OrderBy[]]),
    )
    .default('createdAt:asc'),
  cursor: z.string().min(1).max(128).optional(),
});
export type InfobipPageInput = z.infer<typeof infobipPageInput>;

/** Prisma arguments for one page (one extra row tells whether there is a next page). */
export async function pageQuery(
  prisma: Parameters<typeof loadSettings>[0],
  organizationId: string,
  input: InfobipPageInput,
) {
  // Infobip's documented maximum (999) bounds `limit`; the organization's maxPageSize does not
  // cut an Infobip page short.
  const limit = input.limit ?? (await loadSettings(prisma, organizationId)).pagination.defaultPageSize;
  const args: {
    take: number;
    skip: number;
    cursor?: { id: string; organizationId: string };
    orderBy: Ordering;
  } = {
    take: limit + 1,
    orderBy: orderings[input.orderBy],
    skip: input.page * limit,
    ...cursorArgs(input.cursor, { organizationId }),
  };
  return { limit, args };
}

export function pageResult<Row extends { id: string }>(
  rows: Row[],
  input: InfobipPageInput,
  limit: number,
  totalItems: number,
) {
  const items = rows.slice(0, limit);
  return {
    items,
    pagination: { totalItems, page: input.cursor ? 0 : input.page, limit, orderBy: input.orderBy },
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}

function normalizedOrder(text: string): string {
  const [field = '', direction = 'asc'] = text.trim().split(':');
  return `${field}:${direction.toLowerCase()}`;
}
