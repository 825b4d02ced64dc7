import type { Priority } from '../conversation/types';
import { type AssignmentStrategy, chooseAgent, hasFreeCapacity, type QueueMember } from './choose-agent';

/** An unassigned conversation waiting in a queue. */
export interface WaitingConversation {
  id: string;
  priority: Priority;
  createdAt: Date;
}

export interface DrainAssignment {
  conversationId: string;
  agentId: string;
  /** When round robin should consider the agent assigned: distinct and increasing per assignment. */
  assignedAt: Date;
  explanation: string;
}

const priorityRank: Record<Priority, number> = { URGENT: 0, HIGH: 1, NORMAL: 2, LOW: 3 };

/** Most urgent first, oldest first within a priority, then id: the order a queue drains in. */
export const byDrainOrder = (a: WaitingConversation, b: WaitingConversation): number =>
  priorityRank[a.priority] - priorityRank[b.priority] ||
  a.createdAt.getTime() - b.createdAt.getTime() ||
  (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * Which waiting conversations the queue's members take now, and who takes each: conversations in
 * drain order, each given to the agent the strategy picks, counting the assignments already
 * planned (so nobody goes over capacity and round robin keeps turning). Stops at the first
 * conversation nobody can take: the rest wait behind it. Each assignment is stamped 1 ms after
 * the previous one, so the stored lastAssignedAt keeps round robin's order for the next drain.
 */
export const planDrain = (
  members: readonly QueueMember[],
  waiting: readonly WaitingConversation[],
  strategy: AssignmentStrategy,
  now: Date,
): DrainAssignment[] => {
  const loads = members.map((member) => ({ ...member }));
  const plan: DrainAssignment[] = [];
  for (const conversation of [...waiting].sort(byDrainOrder)) {
    const choice = chooseAgent(loads, strategy);
    if (choice.agentId === null) break;
    const assignedAt = new Date(now.getTime() + plan.length);
    const member = loads.find((load) => load.agentId === choice.agentId);
    if (member) {
      member.openCount += 1;
      member.lastAssignedAt = assignedAt;
    }
    plan.push({
      conversationId: conversation.id,
      agentId: choice.agentId,
      assignedAt,
      explanation: choice.explanation,
    });
  }
  return plan;
};

/** How many more conversations the members can take in all (what one drain pass may assign). */
export const freeSlots = (members: readonly QueueMember[]): number =>
  members.reduce(
    (sum, member) => sum + (hasFreeCapacity(member) ? member.capacity - member.openCount : 0),
    0,
  );
