import { type ComparisonOperator, comparisonOperators, prioritiesMatching } from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import type { CompileComparison, OperatorMap } from './operators';
import { oneOf } from './sql';

/**
 * Enum columns are NOT NULL, so every operator, negations included, becomes "the column is one
 * of these values": `c."status" = ANY($1::"ConversationStatus"[])`, which the
 * (organizationId, status, priority, createdAt) index serves. All values → TRUE, none → FALSE.
 */
const enumColumns: Readonly<Record<string, { column: Prisma.Sql; type: string }>> = {
  status: { column: Prisma.raw('c."status"'), type: '"ConversationStatus"' },
  priority: { column: Prisma.raw('c."priority"'), type: '"Priority"' },
};

const enumColumn = (field: string) => {
  const found = enumColumns[field];
  if (!found) throw new Error(`No enum column for the field ${field}`);
  return found;
};

/** The values of an unordered enum that satisfy each operator (values outside the enum match nothing). */
const matching: Readonly<
  Partial<Record<ComparisonOperator, (all: readonly string[], values: string[]) => string[]>>
> = {
  '==': (all, [value]) => all.filter((v) => v === value),
  '!=': (all, [value]) => all.filter((v) => v !== value),
  '=in=': (all, values) => all.filter((v) => values.includes(v)),
  '=out=': (all, values) => all.filter((v) => !values.includes(v)),
};

export const enumOperators: OperatorMap = Object.fromEntries(
  Object.entries(matching).map(([operator, select]) => {
    const compile: CompileComparison = ({ field, values }, spec) => {
      const { column, type } = enumColumn(field);
      const all = spec.values ?? [];
      return oneOf(column, select(all, values), type, all);
    };
    return [operator, compile];
  }),
);

/**
 * Priority: core's `prioritiesMatching` turns any of the eight operators into the exact set of
 * priorities that satisfy it (LOW < NORMAL < HIGH < URGENT), so `priority>=HIGH` becomes
 * `c."priority" = ANY('{HIGH,URGENT}')` and the SQL never has to know the order.
 */
export const priorityOperators: OperatorMap = Object.fromEntries(
  comparisonOperators.map((operator) => {
    const compile: CompileComparison = ({ field, values }, spec) => {
      const { column, type } = enumColumn(field);
      return oneOf(column, prioritiesMatching(operator, values), type, spec.values);
    };
    return [operator, compile];
  }),
);
