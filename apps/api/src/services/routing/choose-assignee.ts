import {
  type AssignmentStrategy,
  chooseAgent,
  type NoAgentReason,
  type OrganizationSettings,
  type QueueAssignmentDecision,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { type AssignedConversation, memberLoads } from './member-loads';
import { queueAssignment } from './queue-assignment';

export type AssignmentReason =
  | 'ASSIGNED'
  | NoAgentReason
  | 'AUTO_ASSIGN_OFF'
  | Extract<QueueAssignmentDecision, { assign: false }>['reason']
  | 'NO_QUEUE'
  | 'NOT_REQUESTED';

export interface AssignmentOutcome {
  agentId: string | null;
  reason: AssignmentReason;
  explanation: string;
  /** The strategy the agent was chosen by (the queue's algorithm, else the organization's). */
  strategy?: AssignmentStrategy;
}

export interface AssigneeRequest {
  organizationId: string;
  /** The conversation being assigned (absent for a hypothetical one): its current agent must not count it as load. */
  conversation: AssignedConversation | undefined;
  queueId: string | null;
  settings: OrganizationSettings;
  /** The caller wants an agent (route does; a create may route without assigning). */
  requested: boolean;
  /** Lock the members' rows (a real assignment) or only read them (a simulation). */
  lock: boolean;
  /** The clock heartbeats are judged by (a member whose heartbeat lapsed takes nothing). */
  now: Date;
}

/**
 * Which agent of the queue takes the conversation, by the queue's algorithm (else the
 * organization's strategy), and why; nobody when the queue does not auto-assign now.
 */
export async function chooseAssignee(
  tx: Prisma.TransactionClient,
  request: AssigneeRequest,
): Promise<AssignmentOutcome> {
  const { organizationId, queueId, settings } = request;
  if (!request.requested) {
    return { agentId: null, reason: 'NOT_REQUESTED', explanation: 'No assignment was requested.' };
  }
  if (!settings.routing.autoAssign) {
    return {
      agentId: null,
      reason: 'AUTO_ASSIGN_OFF',
      explanation: 'Automatic assignment is off in settings (routing.autoAssign).',
    };
  }
  if (!queueId) {
    return { agentId: null, reason: 'NO_QUEUE', explanation: 'No queue, so no agent is assigned.' };
  }
  const queue = await queueAssignment(tx, {
    organizationId,
    queueId,
    strategy: settings.routing.strategy,
    now: request.now,
  });
  if (!queue.assign) return { agentId: null, reason: queue.reason, explanation: queue.explanation };
  const members = await memberLoads(tx, organizationId, queueId, {
    lock: request.lock,
    counted: settings.routing.capacityStatuses,
    excluding: request.conversation,
    heartbeat: { now: request.now, lapseMinutes: settings.routing.unavailableAgent.heartbeatLapseMinutes },
  });
  const choice = chooseAgent(members, queue.strategy);
  return choice.agentId === null
    ? { agentId: null, reason: choice.reason, explanation: choice.explanation }
    : {
        agentId: choice.agentId,
        reason: 'ASSIGNED',
        explanation: choice.explanation,
        strategy: queue.strategy,
      };
}
