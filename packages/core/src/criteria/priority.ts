import { type Priority, priorities } from '../conversation/types';
import type { ComparisonOperator } from './ast';

/** LOW = 0 < NORMAL = 1 < HIGH = 2 < URGENT = 3; undefined for anything else. */
export const priorityRank = (priority: string): number | undefined => {
  const rank = (priorities as readonly string[]).indexOf(priority);
  return rank === -1 ? undefined : rank;
};

/**
 * The priorities for which `priority <operator> values` holds, for any operator. A SQL compiler
 * can use it to turn an ordered comparison into `priority = ANY($1)` without knowing the order.
 */
export const prioritiesMatching = (operator: ComparisonOperator, values: readonly string[]): Priority[] => {
  const ranks = values.map(priorityRank);
  const target = ranks[0] ?? Number.NaN;
  const holds: Record<ComparisonOperator, (rank: number) => boolean> = {
    '==': (rank) => rank === target,
    '!=': (rank) => rank !== target,
    '<': (rank) => rank < target,
    '<=': (rank) => rank <= target,
    '>': (rank) => rank > target,
    '>=': (rank) => rank >= target,
    '=in=': (rank) => ranks.includes(rank),
    '=out=': (rank) => !ranks.includes(rank),
  };
  return priorities.filter((_, rank) => holds[operator](rank));
};
