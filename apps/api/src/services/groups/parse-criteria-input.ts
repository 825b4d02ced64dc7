import { type CriteriaAst, DomainError, isCriteriaError, parseCriteria } from '@switchboard/core';

/**
 * Parses criteria text that arrived in the input field `input` ("criteria", "filter",
 * "groups.2.criteria"). The refusal keeps core's structured details (code, offset, line, column,
 * expected, field, validFields, suggestion) and adds `input`: `field` in those details is the
 * criteria field the problem is about, not the request field.
 */
export function parseCriteriaInput(text: string, input: string): CriteriaAst {
  try {
    return parseCriteria(text);
  } catch (error) {
    if (!isCriteriaError(error)) throw error;
    throw new DomainError('INVALID_CRITERIA', `${input}: ${error.message}`, { ...error.criteria, input });
  }
}
