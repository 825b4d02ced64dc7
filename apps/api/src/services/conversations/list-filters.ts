import {
  type ConversationStatus,
  type CriteriaAst,
  type CriteriaComparison,
  combineCriteria,
  DomainError,
  type Priority,
  parseInstant,
} from '@switchboard/core';
import { parseCriteriaInput } from '../groups/parse-criteria-input';

/** Infobip's list filters, plus `criteria` (the RSQL language groups use). */
export interface ConversationListFilters {
  status?: readonly ConversationStatus[] | undefined;
  priority?: readonly Priority[] | undefined;
  agentId?: string | undefined;
  queueIds?: readonly string[] | undefined;
  conversationIds?: readonly string[] | undefined;
  createdAfter?: string | undefined;
  createdBefore?: string | undefined;
  updatedAfter?: string | undefined;
  updatedBefore?: string | undefined;
  closedAfter?: string | undefined;
  closedBefore?: string | undefined;
  /** Conversations carrying any of these tags. */
  tagNames?: readonly string[] | undefined;
  criteria?: string | undefined;
}

/**
 * The filters as one criteria AST (comparisons ANDed with the caller's criteria), so the list
 * runs through the same database compiler as group membership. Undefined means "no filter".
 */
export function listCriteria(filters: ConversationListFilters): CriteriaAst | undefined {
  const parts: CriteriaAst[] = [
    ...within('status', filters.status),
    ...within('priority', filters.priority),
    ...within('agentId', filters.agentId === undefined ? undefined : [filters.agentId]),
    ...within('queueId', filters.queueIds),
    ...within('id', filters.conversationIds),
    ...instant('createdAt', '>', 'createdAfter', filters.createdAfter),
    ...instant('createdAt', '<', 'createdBefore', filters.createdBefore),
    ...instant('updatedAt', '>', 'updatedAfter', filters.updatedAfter),
    ...instant('updatedAt', '<', 'updatedBefore', filters.updatedBefore),
    ...instant('closedAt', '>', 'closedAfter', filters.closedAfter),
    ...instant('closedAt', '<', 'closedBefore', filters.closedBefore),
    ...within('tags', filters.tagNames),
  ];
  if (filters.criteria !== undefined && filters.criteria.trim() !== '')
    parts.push(parseCriteriaInput(filters.criteria, 'criteria'));
  return parts.length === 0 ? undefined : combineCriteria('and', parts);
}

// `=in=` compares exactly: an id containing `*` is not a wildcard here.
const within = (field: string, values: readonly string[] | undefined): CriteriaComparison[] =>
  values && values.length > 0 ? [{ type: 'comparison', field, operator: '=in=', values: [...values] }] : [];

const instant = (
  field: string,
  operator: '<' | '>',
  parameter: string,
  text: string | undefined,
): CriteriaComparison[] => {
  if (text === undefined) return [];
  const parsed = parseInstant(infobipOffset(text.trim()));
  if (!parsed.ok) {
    throw new DomainError('VALIDATION', `${parameter} is not a valid instant: ${parsed.reason}.`, {
      field: parameter,
    });
  }
  return [{ type: 'comparison', field, operator, values: [parsed.canonical] }];
};

/**
 * Infobip writes instants as `2025-04-24T11:25:41.058+0000` (no colon in the offset), and an
 * unencoded `+` in a query string arrives as a space; both are read as the ISO offset `+00:00`.
 */
export const infobipOffset = (text: string): string => {
  const match = /^(.*T[\d:.]+)([+\- ])(\d{2}):?(\d{2})$/.exec(text);
  if (!match) return text;
  const [, time, sign, hours, minutes] = match;
  return `${time}${sign === ' ' ? '+' : sign}${hours}:${minutes}`;
};
