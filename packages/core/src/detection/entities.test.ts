import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { type CustomEntityDefinition, detectEntities } from './entities';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 500);

const entity = (values: string[], id = 'e1'): CustomEntityDefinition => ({
  id,
  type: 'Vendor',
  subType: `sub-${id}`,
  values,
});

const found = (text: string, values: string[]) =>
  detectEntities([{ id: 'm1', text }], [entity(values)]).map((m) => m.value);

describe('detectEntities: what counts as a mention', () => {
  test.each([
    ['case-insensitive', 'we use ACME corp daily', ['Acme Corp'], ['ACME corp']],
    ['whole words only: not inside a longer word', 'concatenate the cat', ['cat'], ['cat']],
    ['word boundary respects letters of any script', 'Müllerstraße and Müller', ['Müller'], ['Müller']],
    ['accented letters are word characters', 'café and caf', ['caf'], ['caf']],
    ['digits are word characters', 'order 1234 and 12345', ['1234'], ['1234']],
    ['underscore is a word character', 'order_id vs order', ['order'], ['order']],
    ['punctuation ends a word', 'Call Acme, please. (Acme)', ['acme'], ['Acme', 'Acme']],
    [
      'multi-word values across a line break',
      'my credit\ncard and credit  card',
      ['credit card'],
      ['credit\ncard', 'credit  card'],
    ],
    ['regex metacharacters are literal', 'prices: $5.00 and $5x00', ['$5.00'], ['$5.00']],
    ['a value ending in a symbol matches before letters', 'we write C++11 and C+', ['C++'], ['C++']],
    ['a value starting with a symbol matches after letters', 'ASP.NET and .NETwork', ['.NET'], ['.NET']],
    ['parentheses and brackets in values', 'plan (a) or [b]', ['(a)', '[b]'], ['(a)', '[b]']],
    ['every occurrence is reported', 'acme acme ACME', ['acme'], ['acme', 'acme', 'ACME']],
    ['blank values are ignored', 'anything', ['', '   '], []],
    ['values are trimmed', 'buy from acme now', ['  acme '], ['acme']],
    [
      'the longer value wins where values nest',
      'flying to New York City',
      ['New York', 'New York City'],
      ['New York City'],
    ],
    ['a repeated value reports once per span', 'acme', ['acme', 'ACME'], ['acme']],
  ])('%s', (_title, text, values, expected) => {
    expect(found(text, values)).toEqual(expected);
  });
});

test('matches carry entity, message and offsets, ordered by message then offset', () => {
  const entities = [entity(['refund'], 'e1'), { ...entity(['Acme'], 'e2'), type: 'Company' }];
  const messages = [
    { id: 'm1', text: 'Acme wants a refund' },
    { id: 'm2', text: 'no mention' },
    { id: 'm3', text: 'REFUND now' },
  ];
  expect(detectEntities(messages, entities)).toEqual([
    {
      entityId: 'e2',
      type: 'Company',
      subType: 'sub-e2',
      value: 'Acme',
      entityValue: 'Acme',
      messageId: 'm1',
      start: 0,
      end: 4,
    },
    {
      entityId: 'e1',
      type: 'Vendor',
      subType: 'sub-e1',
      value: 'refund',
      entityValue: 'refund',
      messageId: 'm1',
      start: 13,
      end: 19,
    },
    {
      entityId: 'e1',
      type: 'Vendor',
      subType: 'sub-e1',
      value: 'REFUND',
      entityValue: 'refund',
      messageId: 'm3',
      start: 0,
      end: 6,
    },
  ]);
});

test('two entities sharing a value both report it', () => {
  const matches = detectEntities([{ id: 'm', text: 'acme' }], [entity(['acme'], 'a'), entity(['acme'], 'b')]);
  expect(matches.map((m) => m.entityId)).toEqual(['a', 'b']);
});

describe('properties', () => {
  const wordChar = fc.constantFrom(...'abcXYZéÉßøΩωжЖ09_'.split(''));
  const word = fc.string({ unit: wordChar, minLength: 1, maxLength: 6 });
  const value = fc.array(word, { minLength: 1, maxLength: 3 }).map((words) => words.join(' '));
  const filler = fc.string({ unit: fc.constantFrom(...'abc XY.,!?()$+*\n\t-é'.split('')), maxLength: 20 });
  const collapse = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();

  test('every match slices back to the value (case-insensitive, whitespace runs equal)', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 3 }),
        fc.array(
          fc.oneof(
            filler,
            value,
            value.map((v) => v.toUpperCase()),
          ),
          { maxLength: 8 },
        ),
        (values, parts) => {
          const text = parts.join(' ');
          for (const match of detectEntities([{ id: 'm', text }], [entity(values)])) {
            expect(match.value).toBe(text.slice(match.start, match.end));
            expect(collapse(match.value)).toBe(collapse(match.entityValue));
          }
        },
      ),
      { numRuns },
    );
  });

  test('a value placed between spaces is always found', () => {
    fc.assert(
      fc.property(value, filler, filler, (v, before, after) => {
        const text = `${before} ${v} ${after}`;
        const start = before.length + 1;
        const matches = detectEntities([{ id: 'm', text }], [entity([v])]);
        // It is found at its place, or an earlier match overlaps its start: matches never overlap
        // and the leftmost wins, so a value that can overlap itself case-insensitively ("É é" in
        // "é É é") is found earlier and not again.
        expect(matches.some((m) => m.start <= start && m.end > start)).toBe(true);
      }),
      { numRuns },
    );
  });

  test('matches never overlap within one entity and message', () => {
    fc.assert(
      fc.property(
        fc.array(value, { minLength: 1, maxLength: 4 }),
        fc.array(fc.oneof(filler, value), { maxLength: 8 }),
        (values, parts) => {
          const matches = detectEntities([{ id: 'm', text: parts.join(' ') }], [entity(values)]);
          for (let i = 1; i < matches.length; i++) {
            const [prev, next] = [matches[i - 1], matches[i]];
            if (prev && next) expect(next.end).toBeGreaterThan(prev.end);
          }
        },
      ),
      { numRuns },
    );
  });
});
