import { describe, expect, test } from 'vitest';
import type { ConversationFacts } from '../conversation/types';
import { type CriteriaError, compilePredicate, isCriteriaError, parseCriteria, printCriteria } from './index';
import { instantAt } from './relative';
import { sampleFacts } from './testing/fixtures';

const now = Date.parse('2026-12-02T12:00:00Z');
const clock = () => now;

describe('relative instants parse to their canonical ISO form', () => {
  test.each([
    ['createdAt<now-4h', 'createdAt<now-PT4H'],
    ['updatedAt>=now-P1D', 'updatedAt>=now-P1D'],
    ['createdAt>now-30m', 'createdAt>now-PT30M'],
    ['createdAt>now-90m', 'createdAt>now-PT1H30M'],
    ['createdAt<=now-2d', 'createdAt<=now-P2D'],
    ['createdAt<now-P1W', 'createdAt<now-P7D'],
    ['createdAt<now-P1DT12H', 'createdAt<now-P1DT12H'],
    ['closedAt<now+PT45S', 'closedAt<now+PT45S'],
    ['createdAt<now', 'createdAt<now'],
    ['createdAt<now-0h', 'createdAt<now'],
    ['createdAt<"now-4h"', 'createdAt<now-PT4H'],
    ['createdAt=in=(now-1d,2026-01-01T00:00:00Z)', 'createdAt=in=(now-P1D,2026-01-01T00:00:00.000Z)'],
  ])('%s', (criteria, canonical) => {
    expect(printCriteria(parseCriteria(criteria))).toBe(canonical);
  });
});

describe('bad relative instants are refused at the character that is wrong', () => {
  test.each([
    ['createdAt<now-4x', 15, /unknown unit "x"/],
    ['createdAt<now-P1M', 15, /years and months have no fixed length/],
    ['createdAt<now-P1Y', 15, /years and months/],
    ['createdAt<now*4h', 13, /expected - or \+ after now/],
    ['createdAt<now-', 14, /expected a duration/],
    ['createdAt<now-PT', 16, /expected a duration/],
    ['createdAt<now-P1DX', 17, /expected a duration/],
    ['createdAt<"now-4y"', 16, /unknown unit "y"/],
  ])('%s → offset %i', (criteria, offset, reason) => {
    try {
      parseCriteria(criteria);
    } catch (error) {
      expect(isCriteriaError(error)).toBe(true);
      const details = (error as CriteriaError).criteria;
      expect(details.offset).toBe(offset);
      expect(details.message).toMatch(reason);
      return;
    }
    throw new Error('expected a refusal');
  });
});

describe('evaluated against the clock given', () => {
  const sample = sampleFacts[0] as ConversationFacts;
  const facts = (hoursAgo: number) => ({ ...sample, createdAt: new Date(now - hoursAgo * 3_600_000) });
  test.each([
    ['createdAt<now-4h', 5, true],
    ['createdAt<now-4h', 3, false],
    ['createdAt<now-4h', 4, false],
    ['createdAt<=now-4h', 4, true],
    ['createdAt>=now-P1D', 23, true],
    ['createdAt>=now-P1D', 25, false],
    ['createdAt!=now-4h', 4, false],
  ])('%s, created %i h ago → %s', (criteria, hoursAgo, expected) => {
    expect(compilePredicate(parseCriteria(criteria), { clock })(facts(hoursAgo))).toBe(expected);
  });

  test('a predicate compiled once reads the clock at each evaluation', () => {
    let at = now;
    const predicate = compilePredicate(parseCriteria('createdAt<now-1h'), { clock: () => at });
    const conversation = facts(0.5);
    expect(predicate(conversation)).toBe(false);
    at += 3_600_000;
    expect(predicate(conversation)).toBe(true);
  });

  test('instantAt resolves relative and absolute values alike', () => {
    expect(instantAt('now-PT4H', now)).toBe(now - 4 * 3_600_000);
    expect(instantAt('2026-12-02T12:00:00.000Z', 0)).toBe(now);
    expect(instantAt('yesterday', now)).toBeNaN();
  });
});
