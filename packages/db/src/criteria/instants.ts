import { parseInstant } from '@switchboard/core';
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
 * timestamp: index-friendly and independent of the session's TimeZone. Undefined for a value
 * that is not an instant (only possible in a hand-built AST), which matches nothing, as in memory.
 */
export const instantParameter = (value: string): Prisma.Sql | undefined => {
  const instant = parseInstant(value);
  return instant.ok ? Prisma.sql`(${instant.canonical}::timestamptz AT TIME ZONE 'UTC')` : undefined;
};

const compare =
  (operator: '=' | '<' | '<=' | '>' | '>='): CompileComparison =>
  (comparison, spec) => {
    const column = instantColumn(comparison.field);
    const instant = instantParameter(firstValue(comparison));
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
  '=in=': ({ field, values }, spec) => {
    const column = instantColumn(field);
    const instants = values.map(instantParameter).filter((instant) => instant !== undefined);
    if (instants.length === 0) return sqlFalse;
    return unlessNull(column, spec.nullable, Prisma.sql`${column} IN (${Prisma.join(instants)})`);
  },
});
