import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { conversationStatuses, priorities } from '../conversation/types';
import { compilePredicate, parseInstant, prioritiesMatching, priorityRank } from './index';
import { sampleFacts } from './testing/fixtures';
import { fastCheckRuns } from './testing/runs';

const valid: [text: string, canonical: string][] = [
  ['2024-01-31T09:30:00Z', '2024-01-31T09:30:00.000Z'],
  ['2024-01-31T09:30Z', '2024-01-31T09:30:00.000Z'],
  ['2024-01-31T09:30:00.5Z', '2024-01-31T09:30:00.500Z'],
  ['2024-01-31T09:30:00.123000000Z', '2024-01-31T09:30:00.123Z'],
  ['2024-01-31T09:30:00+02:00', '2024-01-31T07:30:00.000Z'],
  ['2024-01-01T00:30:00+05:30', '2023-12-31T19:00:00.000Z'],
  ['2024-01-31T09:30:00-00:00', '2024-01-31T09:30:00.000Z'],
  ['2024-02-29T00:00:00Z', '2024-02-29T00:00:00.000Z'],
  ['2000-02-29T00:00:00Z', '2000-02-29T00:00:00.000Z'],
  ['0001-01-01T00:00:00Z', '0001-01-01T00:00:00.000Z'],
  ['0099-06-01T00:00:00Z', '0099-06-01T00:00:00.000Z'],
  ['9999-12-31T23:59:59.999Z', '9999-12-31T23:59:59.999Z'],
];
const invalid = [
  '2024-01-31',
  '2024-01-31T09:30:00',
  '2024-01-31 09:30:00Z',
  '2024-01-31t09:30:00z',
  '2024-1-31T09:30:00Z',
  '2023-02-29T00:00:00Z',
  '1900-02-29T00:00:00Z',
  '2024-04-31T00:00:00Z',
  '2024-13-01T00:00:00Z',
  '2024-00-01T00:00:00Z',
  '2024-01-01T24:00:00Z',
  '2024-01-01T00:60:00Z',
  '2024-01-01T00:00:60Z',
  '2024-01-01T00:00:00+24:00',
  '2024-01-01T00:00:00+0200',
  '2024-01-01T00:00:00.1234Z',
  '2024-01-01T00:00:00.Z',
  '0000-01-01T00:00:00Z',
  '9999-12-31T23:00:00-01:00',
  '+002024-01-01T00:00:00Z',
  '1704067200000',
];

describe('ISO-8601 instants', () => {
  test.each(valid)('%s', (text, canonical) => {
    expect(parseInstant(text)).toEqual({ ok: true, ms: Date.parse(canonical), canonical });
  });

  test.each(invalid)('%s is refused', (text) => {
    expect(parseInstant(text).ok).toBe(false);
  });

  test('every JS instant in range round-trips through its ISO form', () => {
    const range = fc.date({
      min: new Date('0001-01-01T00:00:00Z'),
      max: new Date('9999-12-31T23:59:59.999Z'),
      noInvalidDate: true,
    });
    fc.assert(
      fc.property(range, (date) => {
        expect(parseInstant(date.toISOString())).toEqual({
          ok: true,
          ms: date.getTime(),
          canonical: date.toISOString(),
        });
      }),
      { numRuns: fastCheckRuns() },
    );
  });
});

describe('priority order', () => {
  test('LOW < NORMAL < HIGH < URGENT', () => {
    expect(['LOW', 'NORMAL', 'HIGH', 'URGENT', 'low'].map(priorityRank)).toEqual([0, 1, 2, 3, undefined]);
  });

  test.each([
    ['<', ['HIGH'], ['LOW', 'NORMAL']],
    ['<=', ['HIGH'], ['LOW', 'NORMAL', 'HIGH']],
    ['>', ['HIGH'], ['URGENT']],
    ['>=', ['NORMAL'], ['NORMAL', 'HIGH', 'URGENT']],
    ['==', ['LOW'], ['LOW']],
    ['!=', ['LOW'], ['NORMAL', 'HIGH', 'URGENT']],
    ['=in=', ['URGENT', 'LOW'], ['LOW', 'URGENT']],
    ['=out=', ['URGENT', 'LOW'], ['NORMAL', 'HIGH']],
  ] as const)('priority%s%j', (operator, values, expected) => {
    expect(prioritiesMatching(operator, values)).toEqual(expected);
  });

  test('prioritiesMatching agrees with the predicate for every operator and value', () => {
    const [facts] = sampleFacts;
    if (!facts) throw new Error('fixtures');
    for (const operator of ['==', '!=', '<', '<=', '>', '>=', '=in=', '=out='] as const) {
      for (const value of priorities) {
        const predicate = compilePredicate({
          type: 'comparison',
          field: 'priority',
          operator,
          values: [value],
        });
        const matching = priorities.filter((priority) => predicate({ ...facts, priority }));
        expect(prioritiesMatching(operator, [value])).toEqual(matching);
      }
    }
    expect(conversationStatuses).toHaveLength(4);
  });
});
