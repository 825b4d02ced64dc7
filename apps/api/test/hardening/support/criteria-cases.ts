import { printCriteria } from '@switchboard/core';
import fc from 'fast-check';
import { criteriaAstArbitrary } from '../../../../../packages/core/src/criteria/testing';

const tokens = [
  'topic',
  'status',
  'priority',
  'tags',
  'trackers',
  'metadata.agentId',
  'metadata.',
  'conversation.',
  'createdAt',
  'closedAt',
  'nosuchfield',
  '==',
  '!=',
  '=in=',
  '=out=',
  '=like=',
  '<',
  '>=',
  '=gt=',
  '(',
  ')',
  ',',
  ';',
  ' and ',
  ' or ',
  ' not ',
  '"',
  "'",
  '\\',
  '*',
  ' ',
  '\n',
  'OPEN',
  'HIGH',
  'vip',
  '2024-01-01T00:00:00Z',
  '2024-02-30T25:00:00Z',
  'é',
  '😀',
  '%',
  '_',
  '\u0000',
  '\ud800',
];

/** Token soup: criteria-shaped, mostly wrong. */
const soup = fc
  .array(fc.constantFrom(...tokens), { minLength: 1, maxLength: 24 })
  .map((parts) => parts.join(''));

const valid = criteriaAstArbitrary(3).map(printCriteria);

type Edit = { op: 'insert' | 'delete' | 'replace' | 'duplicate'; at: number; text: string };
const edit: fc.Arbitrary<Edit> = fc.record({
  op: fc.constantFrom('insert', 'delete', 'replace', 'duplicate'),
  at: fc.nat(),
  text: fc.oneof(fc.constantFrom(...tokens), fc.string({ maxLength: 3 })),
});

function applyEdits(text: string, edits: Edit[]): string {
  let result = text;
  for (const { op, at, text: piece } of edits) {
    const i = result.length === 0 ? 0 : at % (result.length + 1);
    if (op === 'insert') result = result.slice(0, i) + piece + result.slice(i);
    if (op === 'delete') result = result.slice(0, i) + result.slice(i + 1 + (at % 3));
    if (op === 'replace') result = result.slice(0, i) + piece + result.slice(i + piece.length);
    if (op === 'duplicate') result = result.slice(0, i) + result.slice(i, i + 8) + result.slice(i);
  }
  return result;
}

/** Over the limits: long text, many comparisons, deep parentheses, long values, long lists. */
const oversized = fc.constantFrom(
  'status==OPEN;'.repeat(70).slice(0, -1),
  `${'('.repeat(40)}status==OPEN${')'.repeat(40)}`,
  `topic==${'x'.repeat(5_000)}`,
  `tags=in=(${Array.from({ length: 150 }, (_, i) => `t${i}`).join(',')})`,
  `metadata.${'k'.repeat(200)}==v`,
  `topic==${'y'.repeat(200)}`,
);

/** Random, token-soup, valid, mutated-valid and oversized criteria. */
export const criteriaText: fc.Arbitrary<string> = fc.oneof(
  { weight: 2, arbitrary: valid },
  {
    weight: 4,
    arbitrary: fc
      .tuple(valid, fc.array(edit, { minLength: 1, maxLength: 3 }))
      .map(([t, e]) => applyEdits(t, e)),
  },
  { weight: 3, arbitrary: soup },
  { weight: 1, arbitrary: fc.string({ unit: 'binary', maxLength: 60 }) },
  { weight: 1, arbitrary: oversized },
);
