import type { ComparisonOperator, CriteriaComparison, FieldSpec } from '@switchboard/core';
import type { Prisma } from '../generated/prisma/client';
import { not } from './sql';

/**
 * What the compiler may know besides the AST. `tagIds` maps a tag pattern (see tag-ids.ts) to
 * the ids of the organization's tags it matches; with it, `tags==x` compares tag ids the planner
 * can estimate, instead of joining Tag by name (see sets.ts).
 */
export interface CompileContext {
  tagIds?: ReadonlyMap<string, readonly string[]> | undefined;
  /** The clock relative instants (`createdAt<now-4h`) are resolved against; the moment of compiling by default. */
  now?: Date | undefined;
}

/** Compiles one comparison to a boolean SQL expression over `"Conversation" c` that is never NULL. */
export type CompileComparison = (
  comparison: CriteriaComparison,
  spec: FieldSpec,
  context: CompileContext,
) => Prisma.Sql;

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
    ...(equals ? { '!=': (...args) => not(equals(...args)) } : {}),
    ...(within ? { '=out=': (...args) => not(within(...args)) } : {}),
  };
};

/** The single value of `==`, `<`, … (the AST guarantees one; `=in=` lists use `values`). */
export const firstValue = ({ values }: CriteriaComparison): string => values[0] ?? '';
