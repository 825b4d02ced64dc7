import { describe, expect, test } from 'vitest';
import type { QueueMember } from './choose-agent';
import { freeSlots, planDrain, type WaitingConversation } from './plan-drain';

const now = new Date('2026-12-02T10:00:00Z');
const member = (
  agentId: string,
  capacity: number,
  openCount = 0,
  status: QueueMember['status'] = 'ACTIVE',
) => ({
  agentId,
  status,
  capacity,
  openCount,
  lastAssignedAt: null,
});
const waiting = (id: string, priority: WaitingConversation['priority'], minutesAgo: number) => ({
  id,
  priority,
  createdAt: new Date(now.getTime() - minutesAgo * 60_000),
});

describe('planDrain', () => {
  const queue = [
    waiting('old-normal', 'NORMAL', 50),
    waiting('new-urgent', 'URGENT', 1),
    waiting('old-urgent', 'URGENT', 30),
    waiting('low', 'LOW', 90),
    waiting('high', 'HIGH', 5),
  ];

  test('most urgent first, oldest first within a priority, as far as capacity goes', () => {
    const plan = planDrain([member('a', 2, 1), member('b', 2)], queue, 'round_robin', now);
    expect(plan.map((p) => p.conversationId)).toEqual(['old-urgent', 'new-urgent', 'high']);
  });

  test('round robin turns within one drain, and stamps increasing times', () => {
    const plan = planDrain([member('a', 5), member('b', 5)], queue, 'round_robin', now);
    expect(plan.map((p) => p.agentId)).toEqual(['a', 'b', 'a', 'b', 'a']);
    const times = plan.map((p) => p.assignedAt.getTime());
    expect(times).toEqual([...times].sort((x, y) => x - y));
    expect(new Set(times).size).toBe(times.length);
  });

  test('least busy fills the emptiest agent first and never exceeds capacity', () => {
    const plan = planDrain([member('a', 3, 2), member('b', 3)], queue, 'least_busy', now);
    expect(plan.map((p) => p.agentId)).toEqual(['b', 'b', 'a', 'b']);
  });

  test('agents not available for assignment take nothing', () => {
    expect(
      planDrain([member('a', 5, 0, 'AWAY'), member('b', 5, 0, 'INVISIBLE')], queue, 'round_robin', now),
    ).toEqual([]);
  });

  test('freeSlots counts room of available members only', () => {
    expect(freeSlots([member('a', 3, 1), member('b', 2, 5), member('c', 4, 0, 'AWAY')])).toBe(2);
  });
});
