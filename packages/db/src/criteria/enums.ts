import {
  type ComparisonOperator,
  comparisonOperators,
  conversationStatuses,
  prioritiesMatching,
  priorities,
} from '@switchboard/core';
import { Prisma } from '../generated/prisma/client';
import type { CompileComparison, OperatorMap } from './operators';
import { oneOf } from './sql';

/**
 * Enum columns are NOT NULL, so every operator, negations included, becomes "the column is one
 * of these values": `c."status" = ANY($1::"ConversationStatus"[])`, which the
 * (organizationId, status, priority, createdAt) index serves. All values → TRUE, none → FALSE.
 */
const status = Prisma.raw('c."status"');

const statusesMatching: Readonly<Partial<Record<ComparisonOperator, (values: string[]) => string[]>>> = {
  '==': ([value]) => conversationStatuses.filter((s) => s === value),
  '!=': ([value]) => conversationStatuses.filter((s) => s !== value),
  '=in=': (values) => conversationStatuses.filter((s) => values.includes(s)),
  '=out=': (values) => conversationStatuses.filter((s) => !values.includes(s)),
};

export const statusOperators: OperatorMap = Object.fromEntries(
  Object.entries(statusesMatching).map(([operator, matching]) => {
    const compile: CompileComparison = ({ values }) =>
      oneOf(status, matching(values), '"ConversationStatus"', conversationStatuses);
    return [operator, compile];
  }),
);

/**
 * Priority: core's `prioritiesMatching` turns any of the eight operators into the exact set of
 * priorities that satisfy it (LOW < NORMAL < HIGH < URGENT), so `priority>=HIGH` becomes
 * `c."priority" = ANY('{HIGH,URGENT}')` and the SQL never has to know the order.
 */
const priority = Prisma.raw('c."priority"');

export const priorityOperators: OperatorMap = Object.fromEntries(
  comparisonOperators.map((operator) => {
    const compile: CompileComparison = ({ values }) =>
      oneOf(priority, prioritiesMatching(operator, values), '"Priority"', priorities);
    return [operator, compile];
  }),
);
