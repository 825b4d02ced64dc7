import {
  type CriteriaAst,
  type CriteriaComparison,
  combineCriteria,
  DomainError,
  parseInstant,
} from '@switchboard/core';
import { parseCriteriaInput } from './parse-criteria-input';

/** What narrows a group's members: Symbl's `filter`, `startTime` and `endTime`. */
export interface MemberWindow {
  /** More criteria, ANDed with the group's. */
  filter?: string | undefined;
  /** ISO-8601 instants; a conversation counts when startTime ≤ createdAt ≤ endTime. */
  startTime?: string | undefined;
  endTime?: string | undefined;
}

/**
 * The group's criteria ANDed with the window, as one AST for the database. The time bounds
 * become `createdAt` comparisons, so they are compiled and indexed like any other criteria.
 */
export function memberCriteria(groupCriteria: string, window: MemberWindow = {}): CriteriaAst {
  return windowCriteria(window, [parseCriteriaInput(groupCriteria, 'group.criteria')]) as CriteriaAst;
}

/** The window (filter, startTime, endTime) ANDed with `parts`; undefined when nothing narrows. */
export function windowCriteria(window: MemberWindow, parts: CriteriaAst[] = []): CriteriaAst | undefined {
  // An empty filter (`?filter=`) means no filter, as an absent one does.
  if (window.filter?.trim()) parts.push(parseCriteriaInput(window.filter, 'filter'));
  const start = window.startTime === undefined ? undefined : instant(window.startTime, 'startTime');
  const end = window.endTime === undefined ? undefined : instant(window.endTime, 'endTime');
  if (start && end && start.ms > end.ms) {
    throw new DomainError('VALIDATION', 'endTime must not be before startTime.', { field: 'endTime' });
  }
  if (start) parts.push(createdAt('>=', start.canonical));
  if (end) parts.push(createdAt('<=', end.canonical));
  return parts.length === 0 ? undefined : combineCriteria('and', parts);
}

function instant(text: string, field: string): { ms: number; canonical: string } {
  const parsed = parseInstant(text);
  if (!parsed.ok) throw new DomainError('VALIDATION', `${field}: ${parsed.reason}.`, { field });
  return parsed;
}

const createdAt = (operator: '>=' | '<=', value: string): CriteriaComparison => ({
  type: 'comparison',
  field: 'createdAt',
  operator,
  values: [value],
});
