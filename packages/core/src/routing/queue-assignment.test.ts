import { describe, expect, test } from 'vitest';
import {
  assignmentNeedsWorkingHours,
  decideQueueAssignment,
  effectiveAlgorithm,
  type QueueAssignmentSettings,
} from './queue-assignment';

const queue = (change: Partial<QueueAssignmentSettings> = {}): QueueAssignmentSettings => ({
  autoAssignmentEnabled: true,
  autoAssignmentOutsideOfWorkingHours: false,
  algorithm: null,
  ...change,
});
const open = true;
const closed = false;

describe('decideQueueAssignment', () => {
  test.each([
    ['auto-assignment off', queue({ autoAssignmentEnabled: false }), open, 'QUEUE_AUTO_ASSIGN_OFF'],
    ['outside hours, not assigning then', queue(), closed, 'OUTSIDE_WORKING_HOURS'],
  ] as const)('%s: nothing is assigned', (_title, settings, hours, reason) => {
    expect(decideQueueAssignment(settings, 'round_robin', hours)).toMatchObject({ assign: false, reason });
  });

  test.each([
    ['no algorithm: the organization strategy', queue(), 'least_busy'],
    ['LOAD_BALANCING is least busy', queue({ algorithm: 'LOAD_BALANCING' }), 'least_busy'],
    ['ROUND_ROBIN is round robin', queue({ algorithm: 'ROUND_ROBIN' }), 'round_robin'],
    ['PERFORMANCE_BASED: the organization strategy', queue({ algorithm: 'PERFORMANCE_BASED' }), 'least_busy'],
  ] as const)('%s', (_title, settings, strategy) => {
    expect(decideQueueAssignment(settings, 'least_busy', open)).toEqual({ assign: true, strategy });
  });

  test('a queue that assigns outside hours assigns while closed', () => {
    const always = queue({ autoAssignmentOutsideOfWorkingHours: true });
    expect(decideQueueAssignment(always, 'round_robin', closed)).toEqual({
      assign: true,
      strategy: 'round_robin',
    });
  });

  test.each([
    ['on, not outside hours', queue(), true],
    ['on, also outside hours', queue({ autoAssignmentOutsideOfWorkingHours: true }), false],
    ['off', queue({ autoAssignmentEnabled: false }), false],
  ] as const)('the calendar decides when auto-assignment is %s: %s', (_title, settings, needed) => {
    expect(assignmentNeedsWorkingHours(settings)).toBe(needed);
  });
});

describe('effectiveAlgorithm', () => {
  test.each([
    [null, 'round_robin', 'ROUND_ROBIN'],
    [null, 'least_busy', 'LOAD_BALANCING'],
    ['PERFORMANCE_BASED', 'round_robin', 'PERFORMANCE_BASED'],
    ['LOAD_BALANCING', 'round_robin', 'LOAD_BALANCING'],
  ] as const)('own %s with strategy %s answers %s', (own, strategy, expected) => {
    expect(effectiveAlgorithm(own, strategy)).toBe(expected);
  });
});
