import { DomainError } from '../errors';
import type { ConversationState } from './state';
import type { ConversationStatus } from './types';

/**
 * Allowed status transitions. Support work is not a straight line (a customer answers a SOLVED
 * conversation, an agent parks an OPEN one as WAITING), so every non-closed status may move to
 * every other. CLOSED is terminal: reporting relies on a closed conversation staying closed, and
 * a customer writing again starts a new conversation.
 */
export const statusTransitions: Readonly<Record<ConversationStatus, readonly ConversationStatus[]>> = {
  OPEN: ['WAITING', 'SOLVED', 'CLOSED'],
  WAITING: ['OPEN', 'SOLVED', 'CLOSED'],
  SOLVED: ['OPEN', 'WAITING', 'CLOSED'],
  CLOSED: [],
};

/** Staying in the same status is not a transition, so it is always allowed. */
export const canTransition = (from: ConversationStatus, to: ConversationStatus): boolean =>
  from === to || statusTransitions[from].includes(to);

export const assertTransition = (
  conversationId: string,
  from: ConversationStatus,
  to: ConversationStatus,
) => {
  if (from === 'CLOSED' && to !== 'CLOSED') throw closedRefusal(conversationId, 'updated', ['status']);
  if (!canTransition(from, to)) {
    throw new DomainError(
      'CONFLICT',
      `Conversation ${conversationId} cannot move from ${from} to ${to}; allowed: ${statusTransitions[from].join(', ') || 'none'}.`,
      { rule: 'STATUS_TRANSITION', field: 'status', from, to },
    );
  }
};

/** The one wording of the CLOSED rule, so REST, tRPC and Slack users all read the same message. */
export const closedRefusal = (conversationId: string, action: string, fields?: readonly string[]) =>
  new DomainError(
    'CONFLICT',
    `Conversation ${conversationId} is CLOSED; closed conversations cannot be ${action} (only tags may change).`,
    { rule: 'CLOSED_IS_TERMINAL', conversationId, ...(fields ? { fields } : {}) },
  );

type StatusOf = Pick<ConversationState, 'id' | 'status'>;

/** Routing sets a queue and clears the agent: both are changes a closed conversation refuses. */
export const assertCanRoute = (conversation: StatusOf): void => {
  if (conversation.status === 'CLOSED') throw closedRefusal(conversation.id, 'routed');
};

/** The load of the agent a person wants to assign, when known. */
export interface AssigneeLoad {
  agentId: string;
  capacity: number;
  openCount: number;
}

/**
 * Manual assignment (and unassignment) is refused on a closed conversation, and refused when
 * the agent is already at capacity — the capacity promise holds for people as well as for
 * automatic assignment. The agent's presence is not checked: a supervisor may hand a
 * conversation to someone who is AWAY. Re-assigning the current agent is a no-op, never refused.
 */
export const assertCanAssign = (
  conversation: Pick<ConversationState, 'id' | 'status' | 'agentId'>,
  assignee?: AssigneeLoad,
): void => {
  if (conversation.status === 'CLOSED') throw closedRefusal(conversation.id, 'assigned');
  if (!assignee || assignee.agentId === conversation.agentId) return;
  if (assignee.openCount >= assignee.capacity) {
    throw new DomainError(
      'CONFLICT',
      `Agent ${assignee.agentId} is at capacity (${assignee.openCount} of ${assignee.capacity} open conversations); raise the capacity or choose another agent.`,
      {
        rule: 'AGENT_AT_CAPACITY',
        agentId: assignee.agentId,
        capacity: assignee.capacity,
        openCount: assignee.openCount,
      },
    );
  }
};

export const assertCanChangeMetadata = (conversation: StatusOf): void => {
  if (conversation.status === 'CLOSED')
    throw closedRefusal(conversation.id, 'given new metadata', ['metadata']);
};

/**
 * Optimistic concurrency: a writer that read version N may only write while the row is still
 * at N. `expected` absent means the caller did not ask for the check (plain PUT without If-Match).
 */
export const assertVersion = (actual: number, expected: number | null | undefined): void => {
  if (expected === undefined || expected === null || expected === actual) return;
  throw new DomainError(
    'CONFLICT',
    `The conversation was changed by someone else (version ${actual}, you sent ${expected}); reload it and retry.`,
    { rule: 'VERSION_MISMATCH', field: 'version', expected, actual },
  );
};
