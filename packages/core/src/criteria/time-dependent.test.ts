import { describe, expect, test } from 'vitest';
import { parseCriteria } from './index';
import { clockComparisons, readsClock } from './time-dependent';

describe('readsClock: criteria whose answer changes with time alone', () => {
  test.each([
    ['createdAt<now-4h', true],
    ['status==OPEN;createdAt<now-4h', true],
    ['priority==HIGH,(status==OPEN;updatedAt>=now-P1D)', true],
    ['closedAt=in=(2026-01-01T00:00:00Z,now-1d)', true],
    ['createdAt<now', true],
    ['createdAt<2026-01-01T00:00:00Z', false],
    ['status==OPEN;priority=in=(HIGH,URGENT)', false],
    // Text that only looks like a relative instant is compared as text, not against the clock.
    ['topic==now-4h', false],
    ['metadata.since==now', false],
    ['tags==now', false],
  ])('%s → %s', (criteria, expected) => {
    expect(readsClock(parseCriteria(criteria))).toBe(expected);
  });
});

describe('clockComparisons: each instant field compared with now, with its offset, once', () => {
  const hour = 3_600_000;
  test.each([
    ['createdAt<now-4h', [{ field: 'createdAt', offsetMs: -4 * hour }]],
    ['createdAt<now-4h;createdAt>=now-PT4H', [{ field: 'createdAt', offsetMs: -4 * hour }]],
    [
      'status==OPEN;(updatedAt>=now-P1D,closedAt=out=(now,2026-01-01T00:00:00Z))',
      [
        { field: 'updatedAt', offsetMs: -24 * hour },
        { field: 'closedAt', offsetMs: 0 },
      ],
    ],
    [
      'createdAt=in=(now-1h,now+1h)',
      [
        { field: 'createdAt', offsetMs: -hour },
        { field: 'createdAt', offsetMs: hour },
      ],
    ],
    ['topic==now-4h', []],
  ])('%s', (criteria, expected) => {
    expect(clockComparisons(parseCriteria(criteria))).toEqual(expected);
  });

  test('a hand-built AST with a relative value that does not parse reads no clock', () => {
    expect(
      clockComparisons({ type: 'comparison', field: 'createdAt', operator: '<', values: ['now-4y'] }),
    ).toEqual([]);
  });
});
