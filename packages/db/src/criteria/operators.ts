import type { ComparisonOperator, CriteriaComparison, FieldSpec } from '@switchboard/core';
import type { Prisma } from '../generated/prisma/client';
import { not } from './sql';

/** Compiles one comparison to a boolean SQL expression over `"Conversation" c` that is never NULL. */
export type CompileComparison = (comparison: CriteriaComparison, spec: FieldSpec) => Prisma.Sql;

/** What a field kind can compile, by operator; an operator missing here is refused. */
export type OperatorMap = Readonly<Partial<Record<ComparisonOperator, CompileComparison>>>;

/**
 * Adds `!=` as exactly `NOT (==)` and `=out=` as exactly `NOT (=in=)` (README rule 2). This is
 * only exact because every positive expression is two-valued, which each kind guarantees.
 */
export const withNegations = (positive: OperatorMap): OperatorMap => {
  const equals = positive['=='];
  const within = positive['=in='];
  return {
    ...positive,
    ...(equals ? { '!=': (comparison, spec) => not(equals(comparison, spec)) } : {}),
    ...(within ? { '=out=': (comparison, spec) => not(within(comparison, spec)) } : {}),
  };
};

/** The single value of `==`, `<`, … (the AST guarantees one; `=in=` lists use `values`). */
export const firstValue = ({ values }: CriteriaComparison): string => values[0] ?? '';
