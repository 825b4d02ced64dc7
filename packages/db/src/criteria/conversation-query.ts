import type { CriteriaAst } from '@switchboard/core';
import { Prisma, type PrismaClient } from '../generated/prisma/client';
import { compileCriteriaToSql } from './compile';

/** A PrismaClient or an interactive transaction's client. */
export type RawQueryClient = Pick<PrismaClient, '$queryRaw'>;

export interface ConversationFilter {
  organizationId: string;
  /** Group or list criteria; absent means every conversation of the organization. */
  criteria?: CriteriaAst | undefined;
  /** More conditions over `"Conversation" c`, ANDed (e.g. ``Prisma.sql`c."status" <> 'CLOSED'` ``). */
  extraFilters?: readonly Prisma.Sql[] | undefined;
}

export type ConversationOrder = 'createdAt' | 'updatedAt';
export type SortDirection = 'asc' | 'desc';

/** Keyset position: the last row of the previous page, its id and its `orderBy` value. */
export interface ConversationCursor {
  id: string;
  at: Date;
}

export interface ConversationPageQuery extends ConversationFilter {
  orderBy: ConversationOrder;
  direction: SortDirection;
  limit: number;
  offset?: number | undefined;
  /** Rows strictly after this one in the requested order (use it instead of a large offset). */
  cursor?: ConversationCursor | undefined;
}

const orderColumns: Readonly<Record<ConversationOrder, Prisma.Sql>> = {
  createdAt: Prisma.raw('c."createdAt"'),
  updatedAt: Prisma.raw('c."updatedAt"'),
};
const directions: Readonly<Record<SortDirection, { keyword: Prisma.Sql; after: Prisma.Sql }>> = {
  asc: { keyword: Prisma.raw('ASC'), after: Prisma.raw('>') },
  desc: { keyword: Prisma.raw('DESC'), after: Prisma.raw('<') },
};

/** `c."organizationId" = $org AND (<criteria>) AND (<extra>)…`: the tenant filter always comes first. */
export const conversationWhere = ({ organizationId, criteria, extraFilters = [] }: ConversationFilter): Prisma.Sql =>
  Prisma.join(
    [
      Prisma.sql`c."organizationId" = ${organizationId}`,
      ...(criteria ? [compileCriteriaToSql(criteria)] : []),
      ...extraFilters.map((filter) => Prisma.sql`(${filter})`),
    ],
    ' AND ',
  );

/** The page query: ids ordered by the column, ties broken by id in the same direction. */
export const conversationPageSql = (query: ConversationPageQuery): Prisma.Sql => {
  const column = orderColumns[query.orderBy];
  const direction = directions[query.direction];
  if (!column || !direction) throw new RangeError(`Cannot order by ${query.orderBy} ${query.direction}`);
  const limit = count('limit', query.limit);
  const offset = count('offset', query.offset ?? 0);
  const cursor = query.cursor
    ? Prisma.sql` AND (${column}, c."id") ${direction.after} ((${query.cursor.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${query.cursor.id})`
    : Prisma.empty;
  return Prisma.sql`SELECT c."id" FROM "Conversation" c WHERE ${conversationWhere(query)}${cursor}
    ORDER BY ${column} ${direction.keyword}, c."id" ${direction.keyword} LIMIT ${limit} OFFSET ${offset}`;
};

export const conversationCountSql = (filter: ConversationFilter): Prisma.Sql =>
  Prisma.sql`SELECT count(*) AS "count" FROM "Conversation" c WHERE ${conversationWhere(filter)}`;

/** Ids of the organization's conversations matching the criteria and filters, in the requested order. */
export async function findConversationIdsMatching(
  prisma: RawQueryClient,
  query: ConversationPageQuery,
): Promise<string[]> {
  const rows = await prisma.$queryRaw<{ id: string }[]>(conversationPageSql(query));
  return rows.map((row) => row.id);
}

export async function countConversationsMatching(
  prisma: RawQueryClient,
  filter: ConversationFilter,
): Promise<number> {
  const [row] = await prisma.$queryRaw<{ count: bigint }[]>(conversationCountSql(filter));
  return Number(row?.count ?? 0);
}

/**
 * The plan of the page query (when `query` has `orderBy`) or of the count query, as text:
 * what benchmarks save to show index use. `analyze` runs the query (EXPLAIN ANALYZE, BUFFERS).
 */
export async function explainConversationQuery(
  prisma: RawQueryClient,
  query: ConversationPageQuery | ConversationFilter,
  options: { analyze?: boolean } = {},
): Promise<string> {
  const statement = 'orderBy' in query ? conversationPageSql(query) : conversationCountSql(query);
  const explain = Prisma.raw(options.analyze ? 'EXPLAIN (ANALYZE, BUFFERS)' : 'EXPLAIN');
  const rows = await prisma.$queryRaw<Record<string, string>[]>(Prisma.sql`${explain} ${statement}`);
  return rows.map((row) => Object.values(row).join('')).join('\n');
}

const count = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 0) throw new RangeError(`${name} must be a non-negative integer`);
  return value;
};
