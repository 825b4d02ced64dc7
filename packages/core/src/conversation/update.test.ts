import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { DomainError } from '../errors';
import type { ConversationPatch } from './state';
import { conversation, numRuns } from './test-fixtures';
import { conversationStatuses, priorities } from './types';
import { planConversationUpdate } from './update';

const now = new Date('2024-05-01T12:00:00Z');

const conflict = (run: () => unknown): DomainError => {
  try {
    run();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError');
};

describe('planConversationUpdate on an open conversation', () => {
  test('a real change bumps version, stamps updatedAt and lists the changed fields', () => {
    const plan = planConversationUpdate(
      conversation({ version: 7 }),
      { topic: 'New', priority: 'HIGH' },
      now,
    );
    expect(plan.changed).toEqual(['topic', 'priority']);
    expect(plan.next).toMatchObject({ topic: 'New', priority: 'HIGH', version: 8, updatedAt: now });
    expect(plan.set).toEqual({ topic: 'New', priority: 'HIGH', version: 8, updatedAt: now });
  });

  test('fields set to their current value are not changes; nothing changed → same state, same version', () => {
    const current = conversation({ topic: 'Same', tags: ['a', 'b'], metadata: { k: 'v' } });
    const plan = planConversationUpdate(
      current,
      { topic: 'Same', status: 'OPEN', tags: ['b', 'a'], metadata: { k: 'v' } },
      now,
    );
    expect(plan.changed).toEqual([]);
    expect(plan.next).toBe(current);
    expect(plan.set).toEqual({});
  });

  test('undefined keys are ignored; null clears a nullable field', () => {
    const plan = planConversationUpdate(
      conversation({ topic: 'T' }),
      { topic: null, summary: undefined },
      now,
    );
    expect(plan.changed).toEqual(['topic']);
    expect(plan.next.topic).toBeNull();
  });

  test('moving to CLOSED stamps closedAt', () => {
    const plan = planConversationUpdate(conversation(), { status: 'CLOSED' }, now);
    expect(plan.next).toMatchObject({ status: 'CLOSED', closedAt: now });
    expect(plan.set.closedAt).toEqual(now);
  });

  test('moving to SOLVED leaves closedAt empty', () => {
    expect(planConversationUpdate(conversation(), { status: 'SOLVED' }, now).next.closedAt).toBeNull();
  });

  test('a new agent stamps assignedAt; unassigning clears it', () => {
    const assigned = planConversationUpdate(conversation(), { agentId: 'a1' }, now).next;
    expect(assigned).toMatchObject({ agentId: 'a1', assignedAt: now });
    const later = new Date('2024-05-02T00:00:00Z');
    expect(planConversationUpdate(assigned, { agentId: null }, later).next).toMatchObject({
      agentId: null,
      assignedAt: null,
      version: 3,
    });
  });

  test('metadata and tags replace the whole map / list', () => {
    const plan = planConversationUpdate(
      conversation({ metadata: { a: '1', b: '2' }, tags: ['x'] }),
      { metadata: { a: '1' }, tags: [' y '] },
      now,
    );
    expect(plan.next.metadata).toEqual({ a: '1' });
    expect(plan.next.tags).toEqual(['y']);
    expect(plan.changed).toEqual(['metadata', 'tags']);
  });

  test('the current state is not mutated', () => {
    const current = conversation();
    const snapshot = structuredClone(current);
    planConversationUpdate(current, { topic: 'x', tags: ['t'], status: 'CLOSED' }, now);
    expect(current).toEqual(snapshot);
  });

  test('invalid values are refused with VALIDATION before any rule', () => {
    const error = conflict(() => planConversationUpdate(conversation(), { summary: 'x'.repeat(4001) }, now));
    expect(error.code).toBe('VALIDATION');
    expect(error.details?.field).toBe('summary');
  });
});

describe('planConversationUpdate on a CLOSED conversation', () => {
  const closedAt = new Date('2024-04-01T00:00:00Z');
  const closed = conversation({ id: 'c42', status: 'CLOSED', closedAt, tags: ['a'], version: 5 });

  test.each<[string, ConversationPatch]>([
    ['topic', { topic: 'reopen?' }],
    ['summary', { summary: 'late note' }],
    ['status back to OPEN', { status: 'OPEN' }],
    ['priority', { priority: 'URGENT' }],
    ['channel', { channel: 'EMAIL' }],
    ['queue', { queueId: 'q1' }],
    ['agent', { agentId: 'a1' }],
    ['metadata', { metadata: { k: 'v' } }],
    ['tags together with a topic', { tags: ['b'], topic: 'x' }],
  ])('changing %s is refused: CONFLICT CLOSED_IS_TERMINAL', (_title, patch) => {
    const error = conflict(() => planConversationUpdate(closed, patch, now));
    expect(error.code).toBe('CONFLICT');
    expect(error.details?.rule).toBe('CLOSED_IS_TERMINAL');
    expect(error.message).toBe(
      'Conversation c42 is CLOSED; closed conversations cannot be updated (only tags may change).',
    );
  });

  test('tags may still change, and that bumps version', () => {
    const plan = planConversationUpdate(closed, { tags: ['a', 'reported'] }, now);
    expect(plan.changed).toEqual(['tags']);
    expect(plan.next).toMatchObject({ tags: ['a', 'reported'], status: 'CLOSED', closedAt, version: 6 });
  });

  test('re-sending the current values (a retried close) is a no-op, not a refusal', () => {
    const plan = planConversationUpdate(closed, { status: 'CLOSED', topic: closed.topic }, now);
    expect(plan.changed).toEqual([]);
    expect(plan.next).toBe(closed);
  });

  test('closedAt is kept, never re-stamped', () => {
    expect(planConversationUpdate(closed, { tags: [] }, now).next.closedAt).toBe(closedAt);
  });
});

const canonical = (value: unknown): string =>
  value !== null && typeof value === 'object'
    ? JSON.stringify(Object.entries(value).sort())
    : JSON.stringify(value);

describe('properties', () => {
  const optional = <T>(arb: fc.Arbitrary<T>) => fc.option(arb, { nil: undefined });
  const tagName = fc.constantFrom('a', 'b', 'vip', 'eu', 'x y');
  const patchArb: fc.Arbitrary<ConversationPatch> = fc.record({
    topic: optional(fc.option(fc.string({ maxLength: 20 }), { nil: null })),
    summary: optional(fc.option(fc.string({ maxLength: 20 }), { nil: null })),
    status: optional(fc.constantFrom(...conversationStatuses)),
    priority: optional(fc.constantFrom(...priorities)),
    channel: optional(fc.constantFrom('NO_CHANNEL', 'SMS', 'EMAIL')),
    queueId: optional(fc.constantFrom(null, 'q1', 'q2')),
    agentId: optional(fc.constantFrom(null, 'a1', 'a2')),
    metadata: optional(fc.dictionary(fc.constantFrom('k', 'j'), fc.constantFrom('1', '2'))),
    tags: optional(fc.uniqueArray(tagName, { maxLength: 3 })),
  });
  const stateArb = fc.record({
    status: fc.constantFrom(...conversationStatuses),
    topic: fc.option(fc.string({ maxLength: 20 }), { nil: null }),
    queueId: fc.constantFrom(null, 'q1'),
    agentId: fc.constantFrom(null, 'a1'),
    metadata: fc.dictionary(fc.constantFrom('k', 'j'), fc.constantFrom('1', '2')),
    tags: fc.uniqueArray(tagName, { maxLength: 3 }),
    version: fc.integer({ min: 1, max: 1000 }),
  });

  test('on CLOSED, an update throws CLOSED_IS_TERMINAL exactly when it changes something other than tags', () => {
    fc.assert(
      fc.property(stateArb, patchArb, (state, patch) => {
        const current = conversation({ ...state, status: 'CLOSED', closedAt: new Date(0) });
        // Independent oracle: a non-tag key that is present and differs from the stored value.
        const changesOtherThanTags = Object.entries(patch).some(
          ([key, value]) =>
            key !== 'tags' &&
            value !== undefined &&
            canonical(value) !== canonical(current[key as keyof typeof current]),
        );
        let error: unknown;
        try {
          const plan = planConversationUpdate(current, patch, now);
          expect(plan.changed.every((field) => field === 'tags')).toBe(true);
          expect(plan.next.status).toBe('CLOSED');
        } catch (caught) {
          error = caught;
        }
        if (changesOtherThanTags) {
          expect(error).toBeInstanceOf(DomainError);
          expect((error as DomainError).details?.rule).toBe('CLOSED_IS_TERMINAL');
        } else {
          expect(error).toBeUndefined();
        }
      }),
      { numRuns },
    );
  });

  test('on CLOSED, a tags-only patch never throws', () => {
    fc.assert(
      fc.property(stateArb, fc.uniqueArray(tagName, { maxLength: 4 }), (state, tags) => {
        const current = conversation({ ...state, status: 'CLOSED', closedAt: new Date(0) });
        expect(() => planConversationUpdate(current, { tags }, now)).not.toThrow();
      }),
      { numRuns },
    );
  });

  test('version goes up by exactly one when something changed, and stays otherwise', () => {
    fc.assert(
      fc.property(stateArb, patchArb, (state, patch) => {
        const current = conversation({ ...state, status: state.status === 'CLOSED' ? 'OPEN' : state.status });
        const plan = planConversationUpdate(current, patch, now);
        expect(plan.next.version).toBe(current.version + (plan.changed.length > 0 ? 1 : 0));
        expect(plan.next.status === 'CLOSED').toBe(plan.next.closedAt !== null);
      }),
      { numRuns },
    );
  });
});
