import { DomainError, parseInstant } from '@switchboard/core';
import { infobipOffset } from '../services/conversations/list-filters';

/**
 * Infobip's `…After` / `…Before` pair as a Prisma date filter (strictly after, strictly before),
 * or undefined when neither is sent. A text that is no instant is a 400 naming its parameter.
 */
export function instantRange(
  names: { after: string; before: string },
  after: string | undefined,
  before: string | undefined,
): { gt?: Date; lt?: Date } | undefined {
  if (after === undefined && before === undefined) return undefined;
  return {
    ...(after !== undefined ? { gt: instant(names.after, after) } : {}),
    ...(before !== undefined ? { lt: instant(names.before, before) } : {}),
  };
}

function instant(parameter: string, text: string): Date {
  const parsed = parseInstant(infobipOffset(text.trim()));
  if (!parsed.ok) {
    throw new DomainError(
      'VALIDATION',
      `${parameter} is not a valid instant: ${parsed.reason}. Use e.g. 2025-04-24T11:25:41.058+0000.`,
      { field: parameter },
    );
  }
  return new Date(parsed.ms);
}
