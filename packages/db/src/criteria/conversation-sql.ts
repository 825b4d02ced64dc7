import { type CriteriaAst, fieldSpec } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { compileCriteriaToSql } from './compile';
import type { CompileContext } from './operators';

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
  /** Rows strictly after this one in the requested order (cheaper than a large offset). */
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
export const conversationWhere = (
  { organizationId, criteria, extraFilters = [] }: ConversationFilter,
  context: CompileContext = {},
): Prisma.Sql =>
  Prisma.join(
    [
      Prisma.sql`c."organizationId" = ${organizationId}`,
      ...(criteria ? [compileCriteriaToSql(criteria, context)] : []),
      ...extraFilters.map((filter) => Prisma.sql`(${filter})`),
    ],
    ' AND ',
  );

/**
 * Criteria whose top level is `or` and that test a set (tags, trackers, entities) run as a
 * UNION of one query per branch. In a single WHERE, PostgreSQL evaluates an EXISTS inside an OR
 * row by row, so `metadata.x==1,tags==rare` reads the whole organization (≈0.3 s for a page,
 * ≈0.9 s for a count at 200 000 rows); as a UNION each branch uses its own index (GIN,
 * ConversationTag) and the same query takes about a millisecond. An `or` of plain columns stays
 * one query: PostgreSQL combines those itself (BitmapOr), and counts them faster in one pass.
 */
const branchesOf = (filter: ConversationFilter): ConversationFilter[] => {
  const { criteria } = filter;
  if (criteria?.type !== 'or' || !testsASet(criteria)) return [filter];
  return criteria.children.map((child) => ({ ...filter, criteria: child }));
};

const testsASet = (ast: CriteriaAst): boolean =>
  ast.type === 'comparison' ? fieldSpec(ast.field)?.kind === 'set' : ast.children.some(testsASet);

/** The page query: ids ordered by the column, ties broken by id in the same direction. */
export const conversationPageSql = (
  query: ConversationPageQuery,
  context: CompileContext = {},
): Prisma.Sql => {
  const column = orderColumns[query.orderBy];
  const direction = directions[query.direction];
  if (!column || !direction) throw new RangeError(`Cannot order by ${query.orderBy} ${query.direction}`);
  const limit = nonNegative('limit', query.limit);
  const offset = nonNegative('offset', query.offset ?? 0);
  const cursor = query.cursor
    ? Prisma.sql` AND (${column}, c."id") ${direction.after} ((${query.cursor.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${query.cursor.id})`
    : Prisma.empty;
  const order = (at: Prisma.Sql, id: Prisma.Sql) =>
    Prisma.sql`ORDER BY ${at} ${direction.keyword}, ${id} ${direction.keyword}`;
  const branches = branchesOf(query);
  if (branches.length === 1) {
    return Prisma.sql`SELECT c."id" FROM "Conversation" c WHERE ${conversationWhere(query, context)}${cursor}
      ${order(column, Prisma.raw('c."id"'))} LIMIT ${limit} OFFSET ${offset}`;
  }
  // Each branch returns its own first offset+limit rows; the union is ordered and cut again.
  const selects = branches.map(
    (branch) => Prisma.sql`(SELECT c."id", ${column} AS "at" FROM "Conversation" c
      WHERE ${conversationWhere(branch, context)}${cursor} ${order(column, Prisma.raw('c."id"'))} LIMIT ${limit + offset})`,
  );
  return Prisma.sql`SELECT u."id" FROM (${Prisma.join(selects, ' UNION ')}) u
    ${order(Prisma.raw('u."at"'), Prisma.raw('u."id"'))} LIMIT ${limit} OFFSET ${offset}`;
};

export const conversationCountSql = (
  filter: ConversationFilter,
  context: CompileContext = {},
): Prisma.Sql => {
  const branches = branchesOf(filter);
  if (branches.length === 1) {
    return Prisma.sql`SELECT count(*) AS "count" FROM "Conversation" c WHERE ${conversationWhere(filter, context)}`;
  }
  const selects = branches.map(
    (branch) => Prisma.sql`SELECT c."id" FROM "Conversation" c WHERE ${conversationWhere(branch, context)}`,
  );
  return Prisma.sql`SELECT count(*) AS "count" FROM (${Prisma.join(selects, ' UNION ')}) u`;
};

const nonNegative = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
  return value;
};
