import { hasWildcard, wildcardToLike } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import { firstValue, type OperatorMap, withNegations } from './operators';
import { like, oneOf, unlessNull } from './sql';

/** Text fields and their columns (fixed identifiers, never user input). */
const columns: Readonly<Record<string, Prisma.Sql>> = {
  id: Prisma.raw('c."id"'),
  topic: Prisma.raw('c."topic"'),
  summary: Prisma.raw('c."summary"'),
  channel: Prisma.raw('c."channel"'),
  queueId: Prisma.raw('c."queueId"'),
  agentId: Prisma.raw('c."agentId"'),
  workspaceId: Prisma.raw('c."workspaceId"'),
  spaceId: Prisma.raw('c."spaceId"'),
};

export const textColumn = (field: string): Prisma.Sql => {
  const column = columns[field];
  if (!column) throw new Error(`No column for the text field ${field}`);
  return column;
};

/**
 * `==` is `=` (a btree index on the column can serve it) unless the value has a `*`, then
 * `LIKE … ESCAPE '\'`, which is case-sensitive and lets `%` match line breaks, like the
 * in-memory matcher. `=in=` compares exactly: `= ANY($1::text[])`.
 */
export const textOperators: OperatorMap = withNegations({
  '==': (comparison, spec) => {
    const column = textColumn(comparison.field);
    const value = firstValue(comparison);
    const test =
      spec.wildcards && hasWildcard(value)
        ? like(column, wildcardToLike(value))
        : Prisma.sql`${column} = ${value}`;
    return unlessNull(column, spec.nullable, test);
  },
  '=in=': ({ field, values }, spec) => {
    const column = textColumn(field);
    return unlessNull(column, spec.nullable, oneOf(column, values, 'text'));
  },
});
