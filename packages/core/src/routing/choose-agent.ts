/** Infobip's agent statuses. Only ACTIVE agents are available for assignment (isAvailable). */
export const agentStatuses = ['ACTIVE', 'BUSY', 'INVISIBLE', 'AWAY'] as const;
export type AgentStatus = (typeof agentStatuses)[number];

export const assignmentStrategies = ['round_robin', 'least_busy'] as const;
export type AssignmentStrategy = (typeof assignmentStrategies)[number];

/** A queue member with the load the database reported inside the assigning transaction. */
export interface QueueMember {
  agentId: string;
  status: AgentStatus;
  capacity: number;
  openCount: number;
  lastAssignedAt: Date | null;
  /** The agent sends heartbeats and none came for routing.unavailableAgent.heartbeatLapseMinutes. */
  heartbeatLapsed?: boolean;
}

export type NoAgentReason = 'NO_MEMBERS' | 'NONE_ONLINE' | 'ALL_AT_CAPACITY';

export type AgentChoice =
  | { agentId: string; explanation: string }
  | { agentId: null; reason: NoAgentReason; explanation: string };

/**
 * The one answer to "may this agent be given conversations now?" that routing, assignment and
 * the queue drain all ask (README, "Routing"): ACTIVE, and its heartbeat (if it sends them) not
 * lapsed — a client that stopped beating is gone whatever status it last set.
 */
export const isAvailableForAssignment = (agent: {
  status: AgentStatus;
  heartbeatLapsed?: boolean;
}): boolean => agent.status === 'ACTIVE' && agent.heartbeatLapsed !== true;

/** An agent can take a conversation when ACTIVE and below capacity (capacity 0 takes none). */
export const hasFreeCapacity = (member: QueueMember): boolean =>
  isAvailableForAssignment(member) && member.openCount < member.capacity;

// Never-assigned agents sort first: a newcomer gets the next conversation. An invalid date is
// treated as never assigned rather than poisoning the sort with NaN.
const assignedTime = (member: QueueMember): number => {
  const time = member.lastAssignedAt?.getTime() ?? Number.NaN;
  return Number.isNaN(time) ? Number.NEGATIVE_INFINITY : time;
};

const byLastAssigned = (a: QueueMember, b: QueueMember): number => {
  const [x, y] = [assignedTime(a), assignedTime(b)];
  return x === y ? 0 : x < y ? -1 : 1;
};

// Plain code-unit comparison, not localeCompare: the same choice on every server and locale.
const byAgentId = (a: QueueMember, b: QueueMember): number =>
  a.agentId < b.agentId ? -1 : a.agentId > b.agentId ? 1 : 0;

const orderings: Record<AssignmentStrategy, (a: QueueMember, b: QueueMember) => number> = {
  round_robin: (a, b) => byLastAssigned(a, b) || byAgentId(a, b),
  least_busy: (a, b) => a.openCount - b.openCount || byLastAssigned(a, b) || byAgentId(a, b),
};

const strategyWording: Record<AssignmentStrategy, string> = {
  round_robin: 'least recently assigned',
  least_busy: 'fewest open conversations',
};

/**
 * Picks the agent for a queued conversation, or says why nobody can take it. Deterministic:
 * the same members always give the same answer, so concurrent API processes that read the same
 * loads agree (the database transaction still re-checks capacity when it writes).
 */
export const chooseAgent = (members: readonly QueueMember[], strategy: AssignmentStrategy): AgentChoice => {
  if (members.length === 0) {
    return { agentId: null, reason: 'NO_MEMBERS', explanation: 'The queue has no members.' };
  }
  const online = members.filter(isAvailableForAssignment);
  if (online.length === 0) {
    return {
      agentId: null,
      reason: 'NONE_ONLINE',
      explanation: `None of the queue's ${members.length} member(s) is ACTIVE (with a live heartbeat).`,
    };
  }
  const available = online.filter(hasFreeCapacity);
  const [chosen] = available.sort(orderings[strategy]);
  if (!chosen) {
    return {
      agentId: null,
      reason: 'ALL_AT_CAPACITY',
      explanation: `All ${online.length} ACTIVE member(s) are at capacity.`,
    };
  }
  return {
    agentId: chosen.agentId,
    explanation: `Assigned ${chosen.agentId} (${strategyWording[strategy]} of ${available.length} available agent(s), ${chosen.openCount} of ${chosen.capacity} open).`,
  };
};
