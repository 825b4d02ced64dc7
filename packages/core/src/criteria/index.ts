/**
 * The criteria language: RSQL as Symbl's conversation groups use it. One AST, three uses:
 * `compilePredicate` (in memory), the SQL compiler in packages/db, and `printCriteria`.
 * Semantics the SQL compiler must reproduce are written down in README.md beside this file.
 * Test helpers (fast-check arbitraries, fixtures) live in ./testing and are not exported here.
 */
export * from './ast';
export {
  CriteriaError,
  type CriteriaErrorCode,
  type CriteriaErrorDetails,
  criteriaErrorCodes,
  isCriteriaError,
} from './errors';
export * from './expression';
export * from './fields';
export { type InstantResult, parseInstant } from './instant';
export { criteriaLimits } from './limits';
export { parseCriteria } from './parser';
export { type CriteriaPredicate, compilePredicate } from './predicate';
export { printCriteria, printCriteriaValue } from './print';
export { prioritiesMatching, priorityRank } from './priority';
export { instantAt, isRelativeInstant, parseRelativeInstant, type RelativeResult } from './relative';
export { levenshtein, suggest } from './suggest';
export { type ClockComparison, clockComparisons, readsClock } from './time-dependent';
export {
  compileWildcard,
  hasWildcard,
  matchWildcard,
  wildcardCharacter,
  wildcardToLike,
  wildcardToRegExp,
} from './wildcard';
