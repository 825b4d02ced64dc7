import { instantAt } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { type CompileComparison, firstValue, type OperatorMap, withNegations } from './operators';
import { sqlFalse, unlessNull } from './sql';

const columns: Readonly<Record<string, Prisma.Sql>> = {
  createdAt: Prisma.raw('c."createdAt"'),
  updatedAt: Prisma.raw('c."updatedAt"'),
  closedAt: Prisma.raw('c."closedAt"'),
};

const instantColumn = (field: string): Prisma.Sql => {
  const column = columns[field];
  if (!column) throw new Error(`No column for the instant field ${field}`);
  return column;
};

/**
 * The columns are `timestamp(3)` holding UTC wall time (Prisma's DateTime). The value is bound
 * as a timestamptz and converted to UTC wall time, so the comparison is timestamp against
 * timestamp: index-friendly and independent of the session's TimeZone. A relative instant
 * (`now-PT4H`) is resolved against the compile context's clock by core's instantAt, the function
 * the in-memory predicate uses, and bound as the instant it gives. Undefined for a value that is
 * not an instant (only possible in a hand-built AST), which matches nothing, as in memory.
 */
export const instantParameter = (value: string, now: Date | undefined): Prisma.Sql | undefined => {
  const ms = instantAt(value, (now ?? new Date()).getTime());
  return Number.isNaN(ms)
    ? undefined
    : Prisma.sql`(${new Date(ms).toISOString()}::timestamptz AT TIME ZONE 'UTC')`;
};

const compare =
  (operator: '=' | '<' | '<=' | '>' | '>='): CompileComparison =>
  (comparison, spec, context) => {
    const column = instantColumn(comparison.field);
    const instant = instantParameter(firstValue(comparison), context.now);
    if (!instant) return sqlFalse;
    return unlessNull(column, spec.nullable, Prisma.sql`${column} ${Prisma.raw(operator)} ${instant}`);
  };

/** Milliseconds since the epoch compared exactly (README rule 7); closedAt null matches no positive operator. */
export const instantOperators: OperatorMap = withNegations({
  '==': compare('='),
  '<': compare('<'),
  '<=': compare('<='),
  '>': compare('>'),
  '>=': compare('>='),
  '=in=': ({ field, values }, spec, context) => {
    const column = instantColumn(field);
    const instants = values
      .map((value) => instantParameter(value, context.now))
      .filter((instant) => instant !== undefined);
    if (instants.length === 0) return sqlFalse;
    return unlessNull(column, spec.nullable, Prisma.sql`${column} IN (${Prisma.join(instants)})`);
  },
});
