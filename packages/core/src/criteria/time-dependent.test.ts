import { describe, expect, test } from 'vitest';
import { parseCriteria } from './index';
import { readsClock } from './time-dependent';

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
