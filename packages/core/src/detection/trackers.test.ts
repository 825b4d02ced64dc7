import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { stem } from './stem';
import { tokenize } from './text';
import { detectTrackers, similarWindowSlack, type TrackerDefinition } from './trackers';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 500);

const tracker = (vocabulary: string[], id = 't1'): TrackerDefinition => ({
  id,
  name: `tracker ${id}`,
  vocabulary,
});

/** [matched text, matchType] for one message and one tracker: what a reader checks first. */
const hits = (text: string, vocabulary: string[]) =>
  detectTrackers([{ id: 'm1', text }], [tracker(vocabulary)]).map((m) => [
    text.slice(m.start, m.end),
    m.matchType,
  ]);

describe('exact phrase matches', () => {
  test.each([
    [
      'case-insensitive',
      'I want to CANCEL MY SUBSCRIPTION',
      ['cancel my subscription'],
      [['CANCEL MY SUBSCRIPTION', 'exact']],
    ],
    ['whole words only', 'refundable', ['refund'], []],
    [
      'any whitespace between words',
      'cancel my\nsubscription',
      ['cancel my subscription'],
      [['cancel my\nsubscription', 'exact']],
    ],
    ['regex metacharacters are literal', 'is it $9.99?', ['$9.99'], [['$9.99', 'exact']]],
    [
      'each occurrence once',
      'refund, refund!',
      ['refund'],
      [
        ['refund', 'exact'],
        ['refund', 'exact'],
      ],
    ],
    ['blank vocabulary matches nothing', 'anything', ['', ' '], []],
  ])('%s', (_title, text, vocabulary, expected) => {
    expect(hits(text, vocabulary)).toEqual(expected);
  });
});

describe('similar phrasing (case, punctuation, stemming, word order)', () => {
  test.each([
    [
      'stemmed forms',
      'I cancelled my subscriptions',
      ['cancel my subscription'],
      [['cancelled my subscriptions', 'similar']],
    ],
    ['a single stemmed word', 'we were charged twice', ['charge'], [['charged', 'similar']]],
    [
      'word order',
      'my subscription, please cancel it',
      ['cancel my subscription'],
      [['my subscription, please cancel', 'similar']],
    ],
    [
      'punctuation between words',
      'cancel -- my... subscription',
      ['cancel my subscription'],
      [['cancel -- my... subscription', 'similar']],
    ],
    [
      'up to two extra words in between',
      'cancel the whole subscription',
      ['cancel subscription'],
      [['cancel the whole subscription', 'similar']],
    ],
    ['not across more than the window', 'cancel it right now, my subscription', ['cancel subscription'], []],
    [
      'possessive and apostrophes are normalised',
      "the customer's refund",
      ['customer refund'],
      [["customer's refund", 'similar']],
    ],
    ['every phrase word is needed', 'cancel now', ['cancel my subscription'], []],
    ['repeated words must all be present', 'bye now', ['bye bye'], []],
    [
      'the tightest window is reported',
      'cancel cancel my subscription',
      ['cancel subscription'],
      [['cancel my subscription', 'similar']],
    ],
    [
      'non-overlapping windows, left to right',
      'refund money, refund money',
      ['money refund'],
      [
        ['refund money', 'similar'],
        ['refund money', 'similar'],
      ],
    ],
  ])('%s', (_title, text, vocabulary, expected) => {
    expect(hits(text, vocabulary)).toEqual(expected);
  });
});

describe('one report per mention', () => {
  test('exact wins over similar for the same span', () => {
    expect(hits('cancel my subscription', ['cancel my subscription', 'my subscription cancel'])).toEqual([
      ['cancel my subscription', 'exact'],
    ]);
  });

  test('a similar match overlapping an exact one is dropped', () => {
    expect(hits('please cancel subscription now', ['cancel subscription', 'now subscriptions'])).toEqual([
      ['cancel subscription', 'exact'],
    ]);
  });

  test('exact matches that overlap without nesting are both kept', () => {
    expect(hits('please cancel subscription now', ['cancel subscription', 'subscription now'])).toEqual([
      ['cancel subscription', 'exact'],
      ['subscription now', 'exact'],
    ]);
  });

  test('a match nested in a longer one of the same tracker is dropped', () => {
    expect(hits('talk to a human agent', ['human', 'human agent'])).toEqual([['human agent', 'exact']]);
  });

  test('the same vocabulary in two trackers is reported for each', () => {
    const matches = detectTrackers(
      [{ id: 'm', text: 'refund please' }],
      [tracker(['refund'], 'a'), tracker(['refund'], 'b')],
    );
    expect(matches.map((m) => m.trackerId)).toEqual(['a', 'b']);
  });
});

test('matches carry tracker, phrase, message and offsets, ordered by message then offset', () => {
  const trackers = [tracker(['cancel subscription'], 'cancel'), tracker(['refund'], 'money')];
  const messages = [
    { id: 'm1', text: 'Refund or I cancel my subscription' },
    { id: 'm2', text: 'Subscriptions cancelled.' },
  ];
  expect(detectTrackers(messages, trackers)).toEqual([
    {
      trackerId: 'money',
      name: 'tracker money',
      phrase: 'refund',
      matchType: 'exact',
      messageId: 'm1',
      start: 0,
      end: 6,
    },
    {
      trackerId: 'cancel',
      name: 'tracker cancel',
      phrase: 'cancel subscription',
      matchType: 'similar',
      messageId: 'm1',
      start: 12,
      end: 34,
    },
    {
      trackerId: 'cancel',
      name: 'tracker cancel',
      phrase: 'cancel subscription',
      matchType: 'similar',
      messageId: 'm2',
      start: 0,
      end: 23,
    },
  ]);
});

describe('properties', () => {
  const words = [
    'cancel',
    'cancelled',
    'my',
    'subscription',
    'subscriptions',
    'refund',
    'refunds',
    'now',
    'please',
    'the',
  ];
  const wordArb = fc
    .constantFrom(...words)
    .chain((w) => fc.constantFrom(w, w.toUpperCase(), w[0]?.toUpperCase() + w.slice(1)));
  const sep = fc.constantFrom(' ', '  ', ', ', '. ', '\n', ' - ');
  const textArb = fc
    .array(fc.tuple(wordArb, sep), { maxLength: 12 })
    .map((parts) => parts.map(([w, s]) => w + s).join(''));
  const phraseArb = fc
    .array(fc.constantFrom(...words), { minLength: 1, maxLength: 3 })
    .map((ws) => ws.join(' '));
  const collapse = (s: string) => s.replace(/\s+/gu, ' ').toLowerCase();
  const stems = (s: string) =>
    tokenize(s)
      .map((t) => stem(t.norm))
      .sort();

  test('exact matches slice back to the phrase; similar matches hold every phrase stem within the window', () => {
    fc.assert(
      fc.property(textArb, fc.array(phraseArb, { minLength: 1, maxLength: 3 }), (text, vocabulary) => {
        for (const match of detectTrackers([{ id: 'm', text }], [tracker(vocabulary)])) {
          const slice = text.slice(match.start, match.end);
          if (match.matchType === 'exact') {
            expect(collapse(slice)).toBe(collapse(match.phrase));
          } else {
            const found = tokenize(slice).map((t) => stem(t.norm));
            const needed = stems(match.phrase);
            expect(found.length).toBeLessThanOrEqual(needed.length + similarWindowSlack);
            for (const key of new Set(needed)) {
              expect(found.filter((k) => k === key).length).toBeGreaterThanOrEqual(
                needed.filter((k) => k === key).length,
              );
            }
          }
        }
      }),
      { numRuns },
    );
  });

  test('no two matches of one tracker in one message overlap', () => {
    fc.assert(
      fc.property(textArb, fc.array(phraseArb, { minLength: 1, maxLength: 3 }), (text, vocabulary) => {
        const matches = detectTrackers([{ id: 'm', text }], [tracker(vocabulary)]);
        const exact = matches.filter((m) => m.matchType === 'exact');
        for (const s of matches.filter((m) => m.matchType === 'similar')) {
          expect(exact.some((e) => e.start < s.end && s.start < e.end)).toBe(false);
        }
        const seen = new Set(matches.map((m) => `${m.start}:${m.end}`));
        expect(seen.size).toBe(matches.length);
      }),
      { numRuns },
    );
  });

  test('a phrase written into the text is always found', () => {
    fc.assert(
      fc.property(textArb, phraseArb, textArb, (before, phrase, after) => {
        const text = `${before} ${phrase} ${after}`;
        const start = before.length + 1;
        const matches = detectTrackers([{ id: 'm', text }], [tracker([phrase])]);
        expect(matches.some((m) => m.start <= start + phrase.length && m.end >= start)).toBe(true);
      }),
      { numRuns },
    );
  });
});
