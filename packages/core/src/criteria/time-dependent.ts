import type { CriteriaAst } from './ast';
import { fieldSpec } from './fields';
import { isRelativeInstant, parseRelativeInstant } from './relative';

/** One comparison of an instant field with `now` plus an offset (`createdAt<now-4h`: createdAt, -4 h). */
export interface ClockComparison {
  field: string;
  offsetMs: number;
}

/**
 * The comparisons with `now` in criteria, each field and offset once. Between clocks t0 < t1 such
 * a comparison can change its answer only for a value in [t0 + offset, t1 + offset] (`<`, `<=`,
 * `==`, `=in=` and their negations alike), and every other comparison ignores the clock: so a
 * conversation whose membership flips between t0 and t1 has one of these fields in its window.
 */
export const clockComparisons = (ast: CriteriaAst): ClockComparison[] => {
  const found = new Map<string, ClockComparison>();
  const visit = (node: CriteriaAst): void => {
    if (node.type !== 'comparison') {
      node.children.forEach(visit);
      return;
    }
    if (fieldSpec(node.field)?.kind !== 'instant') return;
    for (const value of node.values) {
      if (!isRelativeInstant(value)) continue;
      const relative = parseRelativeInstant(value);
      // A value that does not parse (only in a hand-built AST) matches nothing at any clock.
      if (relative.ok)
        found.set(`${node.field} ${relative.offsetMs}`, { field: node.field, offsetMs: relative.offsetMs });
    }
  };
  visit(ast);
  return [...found.values()];
};

/**
 * Whether criteria compare an instant with `now` (`createdAt<now-4h`): their answer for an
 * unchanged conversation changes as time passes, so group enter/leave events for them need the
 * time sweep (apps/api/src/jobs/group-time-sweep.ts) besides the change-driven ones.
 */
export const readsClock = (ast: CriteriaAst): boolean => clockComparisons(ast).length > 0;
