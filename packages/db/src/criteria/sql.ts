import { Prisma } from '../generated/prisma/client';

/**
 * Small SQL building blocks shared by the field-kind compilers. Every fragment they build is a
 * boolean that is never NULL, so `NOT (…)` is always the exact negation (two-valued logic).
 * User values only ever enter as bound parameters; `Prisma.raw` is used for fixed identifiers.
 */
export const sqlTrue = Prisma.sql`TRUE`;
export const sqlFalse = Prisma.sql`FALSE`;

export const not = (expression: Prisma.Sql): Prisma.Sql => Prisma.sql`NOT (${expression})`;

/** `(a AND b …)` / `(a OR b …)`. */
export const joinLogic = (type: 'and' | 'or', parts: readonly Prisma.Sql[]): Prisma.Sql =>
  Prisma.join(parts, type === 'and' ? ' AND ' : ' OR ', '(', ')');

/** `column LIKE $pattern ESCAPE '\'`; the pattern comes from core's `wildcardToLike`. */
export const like = (column: Prisma.Sql, pattern: string): Prisma.Sql =>
  Prisma.sql`${column} LIKE ${pattern} ESCAPE '\\'`;

/** Keeps a comparison on a nullable column from yielding NULL: null is simply "no match". */
export const unlessNull = (column: Prisma.Sql, nullable: boolean, test: Prisma.Sql): Prisma.Sql =>
  nullable ? Prisma.sql`(${column} IS NOT NULL AND ${test})` : test;

/**
 * `column = $v::type` for one value, `column = ANY($v::type[])` for several, FALSE for none, and
 * TRUE when the values cover `everything` (only pass that for a NOT NULL column).
 */
export const oneOf = (
  column: Prisma.Sql,
  values: readonly string[],
  type: string,
  everything?: readonly string[],
): Prisma.Sql => {
  const distinct = [...new Set(values)];
  if (distinct.length === 0) return sqlFalse;
  if (everything?.every((value) => distinct.includes(value))) return sqlTrue;
  if (distinct.length === 1) return Prisma.sql`${column} = ${distinct[0]}::${Prisma.raw(type)}`;
  return Prisma.sql`${column} = ANY(${distinct}::${Prisma.raw(type)}[])`;
};
