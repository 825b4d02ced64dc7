import {
  type CriteriaPredicate,
  compilePredicate,
  isCriteriaError,
  parseCriteria,
  type RouteRule,
} from '@switchboard/core';
import type { RouteModel } from '@switchboard/db';

// Compiled predicates by criteria text. Routing runs on every create and route call, while
// rules change rarely, so parsing once per distinct text pays off; the bound keeps a process
// that sees many organizations' rules from growing without limit.
const MAX_CACHED = 2000;
const compiled = new Map<string, CriteriaPredicate | Error>();

/**
 * The predicate of a route's criteria. Criteria are validated when rules are saved; should a
 * stored text fail anyway (a field retired later), the predicate throws and core's decideRoute
 * counts that route as not matching, with the error in its trace.
 */
export function predicateFor(criteria: string): CriteriaPredicate {
  let entry = compiled.get(criteria);
  if (entry === undefined) {
    try {
      entry = compilePredicate(parseCriteria(criteria));
    } catch (error) {
      if (!isCriteriaError(error)) throw error;
      entry = error;
    }
    if (compiled.size >= MAX_CACHED) compiled.delete(compiled.keys().next().value as string);
    compiled.set(criteria, entry);
  }
  const result = entry;
  return result instanceof Error
    ? () => {
        throw result;
      }
    : result;
}

/** A stored route as routing reads it (see ./routing-setup). */
export type StoredRoute = Pick<
  RouteModel,
  | 'id'
  | 'name'
  | 'queueId'
  | 'priority'
  | 'enabled'
  | 'criteria'
  | 'expression'
  | 'conversationPriority'
  | 'routeOnlyDuringWorkingHours'
>;

/** A stored route as core's RouteRule (its predicate compiled lazily, once per criteria text). */
export function toRouteRule(route: StoredRoute): RouteRule {
  return {
    id: route.id,
    name: route.name,
    queueId: route.queueId,
    priority: route.priority,
    enabled: route.enabled,
    criteria: route.criteria,
    ...(route.expression === null ? {} : { writtenExpression: JSON.stringify(route.expression) }),
    conversationPriority: route.conversationPriority,
    onlyDuringWorkingHours: route.routeOnlyDuringWorkingHours,
    matches: (facts) => predicateFor(route.criteria)(facts),
  };
}
