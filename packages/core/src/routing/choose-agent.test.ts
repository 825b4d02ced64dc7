import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { agentStatuses, assignmentStrategies, chooseAgent, type QueueMember } from './choose-agent';

const numRuns = Number(process.env.FAST_CHECK_RUNS ?? 500);

const at = (minute: number) => new Date(Date.UTC(2024, 0, 1, 0, minute));
const member = (agentId: string, overrides: Partial<QueueMember> = {}): QueueMember => ({
  agentId,
  status: 'ACTIVE',
  capacity: 5,
  openCount: 0,
  lastAssignedAt: null,
  ...overrides,
});

describe('chooseAgent: round_robin picks the least recently assigned', () => {
  test.each([
    {
      title: 'the agent assigned longest ago wins',
      members: [member('a', { lastAssignedAt: at(30) }), member('b', { lastAssignedAt: at(10) })],
      expected: 'b',
    },
    {
      title: 'a never-assigned agent goes first',
      members: [member('a', { lastAssignedAt: at(1) }), member('b')],
      expected: 'b',
    },
    {
      title: 'ties break by agentId',
      members: [member('zed', { lastAssignedAt: at(5) }), member('amy', { lastAssignedAt: at(5) })],
      expected: 'amy',
    },
    {
      title: 'never-assigned ties break by agentId',
      members: [member('b'), member('a')],
      expected: 'a',
    },
    {
      title: 'open count does not matter',
      members: [
        member('busy', { openCount: 4, lastAssignedAt: at(1) }),
        member('idle', { lastAssignedAt: at(2) }),
      ],
      expected: 'busy',
    },
    {
      title: 'AWAY, BUSY and INVISIBLE members are skipped',
      members: [
        member('away', { status: 'AWAY' }),
        member('off', { status: 'INVISIBLE' }),
        member('on', { lastAssignedAt: at(9) }),
      ],
      expected: 'on',
    },
    {
      title: 'members at capacity are skipped',
      members: [member('full', { openCount: 5 }), member('free', { openCount: 4, lastAssignedAt: at(3) })],
      expected: 'free',
    },
    {
      title: 'agentId ties compare by code unit, not locale',
      members: [member('b'), member('B')],
      expected: 'B',
    },
  ])('$title', ({ members, expected }) => {
    expect(chooseAgent(members, 'round_robin').agentId).toBe(expected);
  });
});

describe('chooseAgent: least_busy picks the fewest open conversations', () => {
  test.each([
    {
      title: 'fewest open wins regardless of last assignment',
      members: [member('a', { openCount: 2 }), member('b', { openCount: 1, lastAssignedAt: at(59) })],
      expected: 'b',
    },
    {
      title: 'equal load → least recently assigned',
      members: [
        member('a', { openCount: 1, lastAssignedAt: at(20) }),
        member('b', { openCount: 1, lastAssignedAt: at(10) }),
      ],
      expected: 'b',
    },
    {
      title: 'equal load and time → agentId',
      members: [member('b', { openCount: 1 }), member('a', { openCount: 1 })],
      expected: 'a',
    },
    {
      title: 'load counts, not free capacity',
      members: [
        member('big', { capacity: 10, openCount: 3 }),
        member('small', { capacity: 3, openCount: 2 }),
      ],
      expected: 'small',
    },
  ])('$title', ({ members, expected }) => {
    expect(chooseAgent(members, 'least_busy').agentId).toBe(expected);
  });
});

describe('chooseAgent: nobody available says why', () => {
  test.each([
    { title: 'an empty queue → NO_MEMBERS', members: [], reason: 'NO_MEMBERS' },
    {
      title: 'nobody ACTIVE → NONE_ONLINE',
      members: [member('a', { status: 'AWAY' }), member('b', { status: 'INVISIBLE' })],
      reason: 'NONE_ONLINE',
    },
    {
      title: 'every ACTIVE member at capacity → ALL_AT_CAPACITY',
      members: [member('a', { openCount: 5 }), member('b', { capacity: 0 }), member('c', { status: 'AWAY' })],
      reason: 'ALL_AT_CAPACITY',
    },
    {
      title: 'over capacity (capacity lowered later) → ALL_AT_CAPACITY',
      members: [member('a', { capacity: 1, openCount: 3 })],
      reason: 'ALL_AT_CAPACITY',
    },
  ])('$title', ({ members, reason }) => {
    for (const strategy of assignmentStrategies) {
      const choice = chooseAgent(members as QueueMember[], strategy);
      expect(choice).toMatchObject({ agentId: null, reason });
      expect(choice.explanation).not.toBe('');
    }
  });
});

test('an invalid lastAssignedAt counts as never assigned', () => {
  const members = [
    member('a', { lastAssignedAt: at(1) }),
    member('b', { lastAssignedAt: new Date(Number.NaN) }),
  ];
  expect(chooseAgent(members, 'round_robin').agentId).toBe('b');
});

describe('properties', () => {
  const memberArb = fc.record({
    agentId: fc.constantFrom('a', 'b', 'c', 'd', 'e', 'f'),
    status: fc.constantFrom(...agentStatuses),
    capacity: fc.integer({ min: 0, max: 4 }),
    openCount: fc.integer({ min: 0, max: 6 }),
    lastAssignedAt: fc.option(fc.integer({ min: 0, max: 20 }).map(at), { nil: null }),
  });
  const membersArb = fc.uniqueArray(memberArb, { selector: (m) => m.agentId, maxLength: 6 });
  const strategyArb = fc.constantFrom(...assignmentStrategies);

  test('never picks an agent who is not ACTIVE or is at/over capacity; picks someone whenever one is free', () => {
    fc.assert(
      fc.property(membersArb, strategyArb, (members, strategy) => {
        const choice = chooseAgent(members, strategy);
        const free = members.filter((m) => m.status === 'ACTIVE' && m.openCount < m.capacity);
        if (choice.agentId === null) {
          expect(free).toEqual([]);
        } else {
          const chosen = members.find((m) => m.agentId === choice.agentId);
          expect(chosen?.status).toBe('ACTIVE');
          expect(chosen && chosen.openCount < chosen.capacity).toBe(true);
        }
      }),
      { numRuns },
    );
  });

  test('is deterministic: member order does not change the choice', () => {
    const withPermutation = membersArb.chain((members) =>
      fc.tuple(fc.constant(members), fc.shuffledSubarray(members, { minLength: members.length })),
    );
    fc.assert(
      fc.property(withPermutation, strategyArb, ([members, permuted], strategy) => {
        expect(chooseAgent(permuted, strategy)).toEqual(chooseAgent(members, strategy));
      }),
      { numRuns },
    );
  });

  test('least_busy never picks someone busier than another free agent', () => {
    fc.assert(
      fc.property(membersArb, (members) => {
        const choice = chooseAgent(members, 'least_busy');
        if (choice.agentId === null) return;
        const chosen = members.find((m) => m.agentId === choice.agentId);
        const free = members.filter((m) => m.status === 'ACTIVE' && m.openCount < m.capacity);
        expect(free.every((m) => (chosen?.openCount ?? 0) <= m.openCount)).toBe(true);
      }),
      { numRuns },
    );
  });

  test('round_robin never picks someone assigned more recently than another free agent', () => {
    const time = (m: QueueMember) => m.lastAssignedAt?.getTime() ?? Number.NEGATIVE_INFINITY;
    fc.assert(
      fc.property(membersArb, (members) => {
        const choice = chooseAgent(members, 'round_robin');
        if (choice.agentId === null) return;
        const chosen = members.find((m) => m.agentId === choice.agentId) as QueueMember;
        const free = members.filter((m) => m.status === 'ACTIVE' && m.openCount < m.capacity);
        expect(free.every((m) => time(chosen) <= time(m))).toBe(true);
      }),
      { numRuns },
    );
  });
});
