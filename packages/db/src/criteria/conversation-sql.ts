import { type CriteriaAst, fieldSpec } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { compileCriteriaToSql } from './compile';
import type { CompileContext } from './operators';
import { oneOf } from './sql';
import { findTagDriver } from './tag-driver';

export interface ConversationFilter {
  organizationId: string;
  /** Group or list criteria; absent means every conversation of the organization. */
  criteria?: CriteriaAst | undefined;
  /** More conditions over `"Conversation" c`, ANDed (e.g. ``Prisma.sql`c."status" <> 'CLOSED'` ``). */
  extraFilters?: readonly Prisma.Sql[] | undefined;
  /** The clock relative instants in the criteria are resolved against; now by default. */
  now?: Date | undefined;
}

/**
 * What pages are ordered by. `name` (the topic, else the id: Symbl's conversation name) and
 * `endTime` (the close time, else the last change: Symbl's end time) order offset pages only; a
 * keyset cursor continues the timestamp columns.
 */
/** `id` is Infobip's documented default order; ids are random, so it is stable but not chronological. */
export type ConversationOrder = 'createdAt' | 'updatedAt' | 'name' | 'endTime' | 'id';
export type SortDirection = 'asc' | 'desc';

/** Keyset position: the last row of the previous page, its id and its `orderBy` value. */
export interface ConversationCursor {
  id: string;
  at: Date;
}

export interface ConversationPageQuery extends ConversationFilter {
  orderBy: ConversationOrder;
  /** More sort keys after `orderBy`, in the same direction (offset pages only, no cursor). */
  thenBy?: readonly ConversationOrder[] | undefined;
  direction: SortDirection;
  limit: number;
  offset?: number | undefined;
  /** Rows strictly after this one in the requested order (cheaper than a large offset). */
  cursor?: ConversationCursor | undefined;
}

const orderColumns: Readonly<Record<ConversationOrder, Prisma.Sql>> = {
  createdAt: Prisma.raw('c."createdAt"'),
  updatedAt: Prisma.raw('c."updatedAt"'),
  name: Prisma.raw('COALESCE(c."topic", c."id")'),
  endTime: Prisma.raw('COALESCE(c."closedAt", c."updatedAt")'),
  id: Prisma.raw('c."id"'),
};
const cursorOrders: ReadonlySet<ConversationOrder> = new Set(['createdAt', 'updatedAt']);
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

/** Where a page's rows come from, and the columns that order them (`at`, then `id`). */
interface PageSource {
  from: Prisma.Sql;
  where: Prisma.Sql;
  at: Prisma.Sql;
  id: Prisma.Sql;
}

const conversationsTable = Prisma.raw('"Conversation" c');

/**
 * Newest- or oldest-first pages of criteria with a positive tag test start from that tag's links
 * when it stands for one tag (tag-driver.ts), ordered by the link's copy of the conversation's
 * createdAt: PostgreSQL then reads the page off the link index, or, when the rest of the criteria
 * is the rarer part, finds those rows first and sorts them. Other pages read Conversation.
 */
const pageSource = (
  filter: ConversationFilter,
  orderBy: ConversationOrder,
  context: CompileContext,
): PageSource => {
  const driver = orderBy === 'createdAt' ? findTagDriver(filter.criteria, context) : undefined;
  if (driver?.tagIds.length !== 1) {
    return {
      from: conversationsTable,
      where: conversationWhere(filter, context),
      at: orderColumns[orderBy],
      id: Prisma.raw('c."id"'),
    };
  }
  return {
    from: Prisma.raw('"ConversationTag" ct JOIN "Conversation" c ON c."id" = ct."conversationId"'),
    where: Prisma.sql`ct."tagId" = ${driver.tagIds[0]} AND ${conversationWhere({ ...filter, criteria: driver.rest }, context)}`,
    at: Prisma.raw('ct."conversationCreatedAt"'),
    id: Prisma.raw('ct."conversationId"'),
  };
};

/** The page query: ids ordered by the column, ties broken by id in the same direction. */
export const conversationPageSql = (
  query: ConversationPageQuery,
  context: CompileContext = {},
): Prisma.Sql => {
  const direction = directions[query.direction];
  if (!orderColumns[query.orderBy] || !direction)
    throw new RangeError(`Cannot order by ${query.orderBy} ${query.direction}`);
  const limit = nonNegative('limit', query.limit);
  const offset = nonNegative('offset', query.offset ?? 0);
  const { cursor } = query;
  const thenBy = (query.thenBy ?? []).map((order) => {
    const column = orderColumns[order];
    if (!column) throw new RangeError(`Cannot order by ${order}`);
    return column;
  });
  if (cursor && (!cursorOrders.has(query.orderBy) || thenBy.length > 0))
    throw new RangeError(`A cursor continues createdAt or updatedAt pages only, not ${query.orderBy}`);
  // Every key in the page's direction: `<key> DESC, … , <id> DESC`.
  const orderList = (keys: readonly Prisma.Sql[]) =>
    Prisma.join(
      keys.map((key) => Prisma.sql`${key} ${direction.keyword}`),
      ', ',
    );
  const select = ({ from, where, at, id }: PageSource, columns: Prisma.Sql, rows: number) => {
    const after = cursor
      ? Prisma.sql` AND (${at}, ${id}) ${direction.after} ((${cursor.at.toISOString()}::timestamptz AT TIME ZONE 'UTC'), ${cursor.id})`
      : Prisma.empty;
    return Prisma.sql`SELECT ${columns} FROM ${from} WHERE ${where}${after}
      ORDER BY ${orderList([at, ...thenBy, id])} LIMIT ${rows}`;
  };
  const branches = branchesOf(query);
  if (branches.length === 1) {
    const source = pageSource(query, query.orderBy, context);
    return Prisma.sql`${select(source, Prisma.raw('c."id"'), limit)} OFFSET ${offset}`;
  }
  // Each branch returns its own first offset+limit rows; the union is ordered and cut again.
  const thenNames = thenBy.map((_, i) => Prisma.raw(`"then${i}"`));
  const selects = branches.map((branch) => {
    const source = pageSource(branch, query.orderBy, context);
    const thenColumns = thenBy.map((column, i) => Prisma.sql`, ${column} AS ${thenNames[i] ?? Prisma.empty}`);
    const more = thenColumns.length > 0 ? Prisma.join(thenColumns, '') : Prisma.empty;
    const columns = Prisma.sql`c."id", ${source.at} AS "at"${more}`;
    return Prisma.sql`(${select(source, columns, limit + offset)})`;
  });
  const outer = [
    Prisma.raw('u."at"'),
    ...thenNames.map((name) => Prisma.sql`u.${name}`),
    Prisma.raw('u."id"'),
  ];
  return Prisma.sql`SELECT u."id" FROM (${Prisma.join(selects, ' UNION ')}) u
    ORDER BY ${orderList(outer)} LIMIT ${limit} OFFSET ${offset}`;
};

/**
 * A filter that is only a positive tag test is counted from the tag links alone, an index-only
 * range (see tag-driver.ts for why that is exact); anything else reads Conversation.
 */
const matchingIdsSql = (filter: ConversationFilter, context: CompileContext): Prisma.Sql => {
  const driver = filter.extraFilters?.length ? undefined : findTagDriver(filter.criteria, context);
  if (driver && !driver.rest) {
    const distinct = driver.tagIds.length > 1 ? Prisma.raw('DISTINCT ') : Prisma.empty;
    return Prisma.sql`SELECT ${distinct}ct."conversationId" AS "id" FROM "ConversationTag" ct
      WHERE ${oneOf(Prisma.raw('ct."tagId"'), driver.tagIds, 'text')}`;
  }
  return Prisma.sql`SELECT c."id" FROM "Conversation" c WHERE ${conversationWhere(filter, context)}`;
};

export const conversationCountSql = (
  filter: ConversationFilter,
  context: CompileContext = {},
): Prisma.Sql => {
  const selects = branchesOf(filter).map((branch) => matchingIdsSql(branch, context));
  return Prisma.sql`SELECT count(*) AS "count" FROM (${Prisma.join(selects, ' UNION ')}) u`;
};

const nonNegative = (name: string, value: number): number => {
  if (!Number.isSafeInteger(value) || value < 0)
    throw new RangeError(`${name} must be a non-negative integer`);
  return value;
};
