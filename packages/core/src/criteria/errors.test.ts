import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import { CriteriaError, type CriteriaErrorDetails, criteriaLimits, fieldNames, parseCriteria } from './index';

const errorOf = (criteria: string): CriteriaErrorDetails => {
  try {
    parseCriteria(criteria);
  } catch (error) {
    expect(error).toBeInstanceOf(CriteriaError);
    expect(error).toBeInstanceOf(DomainError);
    const { code, details, criteria: detailsTyped } = error as CriteriaError;
    expect(code).toBe('INVALID_CRITERIA');
    expect(details).toEqual(detailsTyped);
    return detailsTyped;
  }
  throw new Error(`expected ${JSON.stringify(criteria)} to be refused`);
};

const statuses = ['OPEN', 'WAITING', 'SOLVED', 'CLOSED'];
type Expected = Partial<CriteriaErrorDetails>;
const manyComparisons = Array.from({ length: 65 }, (_, i) => `id==${i}`).join(';');

const cases: [criteria: string, expected: Expected][] = [
  // unknown fields, with suggestions
  [
    'status==OPEN;agnetId==x',
    { code: 'UNKNOWN_FIELD', offset: 13, line: 1, column: 14, field: 'agnetId', suggestion: 'agentId' },
  ],
  [
    'status==OPEN\n and agnetId==x',
    { code: 'UNKNOWN_FIELD', offset: 18, line: 2, column: 6, suggestion: 'agentId' },
  ],
  ['conversation.agnetId==x', { code: 'UNKNOWN_FIELD', offset: 0, suggestion: 'agentId' }],
  ['AgentId==x', { code: 'UNKNOWN_FIELD', suggestion: 'agentId' }],
  ['createdat>2024-01-01T00:00:00Z', { code: 'UNKNOWN_FIELD', suggestion: 'createdAt' }],
  ['metdata.agentId==x', { code: 'UNKNOWN_FIELD', suggestion: 'metadata.agentId' }],
  ['conversaton.status==OPEN', { code: 'UNKNOWN_FIELD', suggestion: 'status' }],
  ['conversation.conversation.id==x', { code: 'UNKNOWN_FIELD', suggestion: 'id' }],
  ['metadata==x', { code: 'UNKNOWN_FIELD', field: 'metadata', suggestion: 'metadata.<key>' }],
  ['conversation.metadata.==x', { code: 'UNKNOWN_FIELD', suggestion: 'metadata.<key>' }],
  [`metadata.${'k'.repeat(129)}==x`, { code: 'LIMIT', offset: 0 }],
  // operators
  [
    'status<OPEN',
    { code: 'BAD_OPERATOR', offset: 6, field: 'status', expected: ['==', '!=', '=in=', '=out='] },
  ],
  ['topic=gt=a', { code: 'BAD_OPERATOR', offset: 5, field: 'topic' }],
  ['tags=like=x', { code: 'BAD_OPERATOR', offset: 4, field: 'tags' }],
  ['status=IN=(OPEN)', { code: 'BAD_OPERATOR', offset: 6, suggestion: '=in=' }],
  // values
  ['status==open', { code: 'BAD_VALUE', offset: 8, field: 'status', expected: statuses, suggestion: 'OPEN' }],
  ['status=in=(OPEN,closed)', { code: 'BAD_VALUE', offset: 16, suggestion: 'CLOSED' }],
  ['priority>=high', { code: 'BAD_VALUE', offset: 10, field: 'priority', suggestion: 'HIGH' }],
  ['status==OP*', { code: 'BAD_VALUE', offset: 8 }],
  ['status==(OPEN,CLOSED)', { code: 'BAD_VALUE', offset: 8, field: 'status' }],
  ['tags==(a)', { code: 'BAD_VALUE', offset: 6 }],
  ['createdAt>2024-01-01', { code: 'BAD_VALUE', offset: 10, field: 'createdAt' }],
  ['createdAt>2024-02-30T00:00:00Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2023-02-29T00:00:00Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2024-01-01T24:00:00Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2024-01-01T00:00:60Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2024-01-01T00:00:00', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2024-01-01 00:00:00Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>2024-01-01T00:00:00.0001Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>0000-06-01T00:00:00Z', { code: 'BAD_VALUE', offset: 10 }],
  ['createdAt>0001-01-01T00:00:00+01:00', { code: 'BAD_VALUE', offset: 10 }],
  ['updatedAt<=1700000000', { code: 'BAD_VALUE', offset: 11 }],
  // syntax
  ['', { code: 'SYNTAX', offset: 0, line: 1, column: 1 }],
  ['   \n ', { code: 'SYNTAX', offset: 5, line: 2, column: 2 }],
  ['status', { code: 'SYNTAX', offset: 6 }],
  ['status==', { code: 'SYNTAX', offset: 8, expected: ['value'] }],
  ['status==OPEN;', { code: 'SYNTAX', offset: 13, expected: ['field', '('] }],
  ['status==OPEN and', { code: 'SYNTAX', offset: 16 }],
  ['(status==OPEN', { code: 'SYNTAX', offset: 13, expected: [')', ';', 'and', ',', 'or'] }],
  ['status==OPEN)', { code: 'SYNTAX', offset: 12 }],
  ['status=OPEN', { code: 'SYNTAX', offset: 6 }],
  ['topic=="abc', { code: 'SYNTAX', offset: 7, expected: ['"'] }],
  ["topic=='abc\\'", { code: 'SYNTAX', offset: 7 }],
  ['status==OPEN status==CLOSED', { code: 'SYNTAX', offset: 13 }],
  ['status==OPEN andstatus==CLOSED', { code: 'SYNTAX', offset: 13 }],
  ['topic!x', { code: 'SYNTAX', offset: 5 }],
  ['topic~=x', { code: 'SYNTAX', offset: 5 }],
  ['tags=in=(a b)', { code: 'SYNTAX', offset: 11, expected: [',', ')'] }],
  ['tags=in=()', { code: 'SYNTAX', offset: 9 }],
  ['tags=in=(a,)', { code: 'SYNTAX', offset: 11 }],
  ['"status"==OPEN', { code: 'SYNTAX', offset: 0 }],
  ['status====OPEN', { code: 'SYNTAX', offset: 8 }],
  ['()', { code: 'SYNTAX', offset: 1 }],
  ['topic==a\u0000', { code: 'SYNTAX', offset: 8 }],
  ['topic==\ud800x', { code: 'SYNTAX', offset: 7 }],
  // limits
  [`topic==${'x'.repeat(4090)}`, { code: 'LIMIT', offset: 4096 }],
  [manyComparisons, { code: 'LIMIT', offset: manyComparisons.indexOf('id==64') }],
  [`${'('.repeat(17)}id==1${')'.repeat(17)}`, { code: 'LIMIT', offset: 16 }],
  [`id=in=(${Array.from({ length: 101 }, (_, i) => i % 10).join(',')})`, { code: 'LIMIT', offset: 7 + 200 }],
  [`topic==${'x'.repeat(129)}`, { code: 'LIMIT', offset: 7 }],
  [`topic=="${'x'.repeat(128)}\\""`, { code: 'LIMIT', offset: 7 }],
];

describe('criteria errors say what and where', () => {
  test.each(cases)('%s', (criteria, expected) => {
    expect(errorOf(criteria)).toMatchObject(expected);
  });

  test('the message names the field, the position and the likely fix', () => {
    const details = errorOf('status==OPEN;agnetId==x');
    expect(details.message).toBe('Unknown field "agnetId" at 1:14 — did you mean "agentId"?');
    expect(details.validFields).toEqual(fieldNames);
  });

  test('enum errors list the allowed values', () => {
    expect(errorOf('status==open').message).toBe(
      '"open" is not a valid status at 1:9 — did you mean "OPEN"? Allowed: OPEN, WAITING, SOLVED, CLOSED',
    );
  });

  test('an unknown field with no near miss lists the valid fields', () => {
    const details = errorOf('colour==red');
    expect(details).not.toHaveProperty('suggestion');
    expect(details.message).toContain('valid fields: id, topic,');
  });

  test('long user text is shortened in messages', () => {
    expect(errorOf(`${'y'.repeat(3000)}==1`).message.length).toBeLessThan(400);
  });

  test('limits are the documented ones', () => {
    expect(criteriaLimits).toEqual({
      maxLength: 4096,
      maxComparisons: 64,
      maxDepth: 16,
      maxListValues: 100,
      maxValueLength: 128,
    });
  });

  test('exactly at the limits is fine', () => {
    expect(() => parseCriteria(Array.from({ length: 64 }, (_, i) => `id==${i}`).join(';'))).not.toThrow();
    expect(() => parseCriteria(`${'('.repeat(16)}id==1${')'.repeat(16)}`)).not.toThrow();
    expect(() => parseCriteria(`id=in=(${Array.from({ length: 100 }, () => 'a').join(',')})`)).not.toThrow();
    expect(() => parseCriteria(`topic==${'x'.repeat(128)}`)).not.toThrow();
    expect(() => parseCriteria(`topic==${'😀'.repeat(128)}`)).not.toThrow();
    expect(() => parseCriteria(`metadata.${'é'.repeat(128)}==x`)).not.toThrow();
    expect(() => parseCriteria(`topic==${'x'.repeat(4089)}`)).toThrow(/longer than 128/);
  });

  test('a non-string is refused with the same error type', () => {
    expect(() => parseCriteria(42 as unknown as string)).toThrow(CriteriaError);
  });
});
