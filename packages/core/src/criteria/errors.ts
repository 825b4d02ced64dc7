import { DomainError } from '../errors';

/** Finer reasons inside the one domain code `INVALID_CRITERIA`. */
export const criteriaErrorCodes = ['SYNTAX', 'UNKNOWN_FIELD', 'BAD_OPERATOR', 'BAD_VALUE', 'LIMIT'] as const;
export type CriteriaErrorCode = (typeof criteriaErrorCodes)[number];

/** What a caller gets back: enough to underline the problem and offer a fix. */
export interface CriteriaErrorDetails {
  code: CriteriaErrorCode;
  message: string;
  /** 0-based UTF-16 offset into the criteria text. */
  offset: number;
  /** 1-based line and column of `offset` (lines split on `\n`). */
  line: number;
  column: number;
  /** What would have been accepted here: tokens, operators or enum values. */
  expected?: string[];
  /** The field the problem is about, canonical when it is known. */
  field?: string;
  /** Present with UNKNOWN_FIELD: every field the language knows. */
  validFields?: string[];
  /** Closest valid spelling, when one is near enough to be a likely typo. */
  suggestion?: string;
}

export class CriteriaError extends DomainError {
  constructor(readonly criteria: CriteriaErrorDetails) {
    super('INVALID_CRITERIA', criteria.message, { ...criteria });
  }
}

export const isCriteriaError = (error: unknown): error is CriteriaError => error instanceof CriteriaError;

export const positionOf = (text: string, offset: number): { line: number; column: number } => {
  let line = 1;
  let lineStart = 0;
  for (let i = text.indexOf('\n'); i !== -1 && i < offset; i = text.indexOf('\n', i + 1)) {
    line++;
    lineStart = i + 1;
  }
  return { line, column: offset - lineStart + 1 };
};

export interface CriteriaErrorInput {
  code: CriteriaErrorCode;
  /** The problem, without position: `Unknown field "agnetId"`. */
  problem: string;
  offset: number;
  /** Appended after the position: `did you mean "agentId"?`. */
  hint?: string;
  expected?: string[];
  field?: string;
  validFields?: string[];
  suggestion?: string;
}

/** Builds the error with a message of the form `<problem> at <line>:<column> — <hint>`. */
export const criteriaError = (text: string, input: CriteriaErrorInput): CriteriaError => {
  const { code, problem, offset, hint } = input;
  const { line, column } = positionOf(text, offset);
  const message = `${problem} at ${line}:${column}${hint ? ` — ${hint}` : ''}`;
  const details: CriteriaErrorDetails = { code, message, offset, line, column };
  // Optional keys are left out rather than set to undefined, so the JSON stays minimal.
  if (input.expected) details.expected = input.expected;
  if (input.field !== undefined) details.field = input.field;
  if (input.validFields) details.validFields = input.validFields;
  if (input.suggestion !== undefined) details.suggestion = input.suggestion;
  return new CriteriaError(details);
};

/** Quotes user text for a message, shortened so a 4 KB token cannot flood a Slack reply. */
export const show = (text: string, max = 40): string =>
  JSON.stringify(text.length > max ? `${text.slice(0, max)}…` : text);
