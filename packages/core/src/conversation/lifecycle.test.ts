import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import {
  assertCanAssign,
  assertCanChangeMetadata,
  assertCanRoute,
  assertTransition,
  assertVersion,
  canTransition,
  statusTransitions,
} from './lifecycle';
import { conversation } from './test-fixtures';
import { type ConversationStatus, conversationStatuses } from './types';

const thrown = (run: () => void): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('status transitions', () => {
  const allowed: [ConversationStatus, ConversationStatus][] = [
    ['OPEN', 'WAITING'],
    ['OPEN', 'SOLVED'],
    ['OPEN', 'CLOSED'],
    ['WAITING', 'OPEN'],
    ['WAITING', 'SOLVED'],
    ['WAITING', 'CLOSED'],
    ['SOLVED', 'OPEN'],
    ['SOLVED', 'WAITING'],
    ['SOLVED', 'CLOSED'],
  ];
  test.each(allowed)('%s → %s is allowed', (from, to) => {
    expect(canTransition(from, to)).toBe(true);
    expect(() => assertTransition('c1', from, to)).not.toThrow();
  });

  test.each(conversationStatuses.filter((s) => s !== 'CLOSED'))(
    'CLOSED → %s is refused (CLOSED is terminal)',
    (to) => {
      expect(canTransition('CLOSED', to)).toBe(false);
      const error = thrown(() => assertTransition('c1', 'CLOSED', to));
      expect(error.code).toBe('CONFLICT');
      expect(error.details?.rule).toBe('CLOSED_IS_TERMINAL');
    },
  );

  test.each(conversationStatuses)('%s → itself is not a transition and always allowed', (status) => {
    expect(canTransition(status, status)).toBe(true);
  });

  test('the table lists every status', () => {
    expect(Object.keys(statusTransitions).sort()).toEqual([...conversationStatuses].sort());
  });
});

describe('closed conversations refuse route, assign and metadata changes', () => {
  const closed = conversation({ id: 'c9', status: 'CLOSED' });
  test.each([
    ['route', () => assertCanRoute(closed), 'routed'],
    ['assign', () => assertCanAssign(closed, { agentId: 'a1', capacity: 5, openCount: 0 }), 'assigned'],
    ['unassign', () => assertCanAssign(closed), 'assigned'],
    ['metadata', () => assertCanChangeMetadata(closed), 'metadata'],
  ])('%s on a CLOSED conversation → CONFLICT CLOSED_IS_TERMINAL', (_action, run, wording) => {
    const error = thrown(run);
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({ rule: 'CLOSED_IS_TERMINAL', conversationId: 'c9' });
    expect(error.message).toContain('Conversation c9 is CLOSED');
    expect(error.message).toContain(wording);
    expect(error.message).toContain('only tags may change');
  });

  test.each(conversationStatuses.filter((s) => s !== 'CLOSED'))(
    'route, assign and metadata are allowed when %s',
    (status) => {
      const open = conversation({ status });
      expect(() => assertCanRoute(open)).not.toThrow();
      expect(() => assertCanAssign(open, { agentId: 'a1', capacity: 1, openCount: 0 })).not.toThrow();
      expect(() => assertCanChangeMetadata(open)).not.toThrow();
    },
  );
});

describe('manual assignment respects capacity', () => {
  test('assigning an agent at capacity → CONFLICT AGENT_AT_CAPACITY', () => {
    const error = thrown(() => assertCanAssign(conversation(), { agentId: 'a1', capacity: 2, openCount: 2 }));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toMatchObject({
      rule: 'AGENT_AT_CAPACITY',
      agentId: 'a1',
      capacity: 2,
      openCount: 2,
    });
  });
  test('assigning an agent with capacity 0 is refused', () => {
    expect(() => assertCanAssign(conversation(), { agentId: 'a1', capacity: 0, openCount: 0 })).toThrow(
      DomainError,
    );
  });
  test('re-assigning the current agent is never refused, even at capacity', () => {
    expect(() =>
      assertCanAssign(conversation({ agentId: 'a1' }), { agentId: 'a1', capacity: 1, openCount: 1 }),
    ).not.toThrow();
  });
  test('assigning with no load given checks only the lifecycle', () => {
    expect(() => assertCanAssign(conversation())).not.toThrow();
  });
});

describe('optimistic concurrency', () => {
  test.each([
    ['no expected version → no check', 3, undefined],
    ['null expected version → no check', 3, null],
    ['expected equals actual → passes', 3, 3],
  ] as const)('%s', (_title, actual, expected) => {
    expect(() => assertVersion(actual, expected)).not.toThrow();
  });

  test('expected differs from actual → CONFLICT VERSION_MISMATCH', () => {
    const error = thrown(() => assertVersion(4, 3));
    expect(error.code).toBe('CONFLICT');
    expect(error.details).toEqual({ rule: 'VERSION_MISMATCH', field: 'version', expected: 3, actual: 4 });
    expect(error.message).toMatch(/version 4.*sent 3/);
  });
});
