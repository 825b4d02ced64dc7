import type { RouteDecision } from '@switchboard/core';
import { z } from 'zod';
import type { AssignmentOutcome } from './choose-assignee';

/** One route as routing considered it: the answer to "why did it (not) go there?". */
export const routeTraceStepSchema = z.object({
  routeId: z.string(),
  name: z.string(),
  outcome: z.enum(['MATCHED', 'NOT_MATCHED', 'DISABLED', 'OUTSIDE_WORKING_HOURS', 'SKIPPED_AFTER_MATCH']),
  explanation: z.string(),
});

export const assignmentOutcomeSchema = z.object({
  agentId: z.string().nullable(),
  reason: z.enum([
    'ASSIGNED',
    'NO_MEMBERS',
    'NONE_ONLINE',
    'ALL_AT_CAPACITY',
    'AUTO_ASSIGN_OFF',
    'QUEUE_AUTO_ASSIGN_OFF',
    'OUTSIDE_WORKING_HOURS',
    'NO_QUEUE',
    'NOT_REQUESTED',
  ]),
  explanation: z.string(),
});

/** What routing decided and why: the queue (core decideRoute) and the agent (core chooseAgent). */
export const routingSummarySchema = z.object({
  queueId: z.string().nullable(),
  routeId: z.string().nullable(),
  reason: z.enum(['ROUTE_MATCHED', 'DEFAULT_QUEUE', 'NO_MATCH']),
  explanation: z.string(),
  trace: z.array(routeTraceStepSchema),
  assignment: assignmentOutcomeSchema,
});
export type RoutingSummary = z.infer<typeof routingSummarySchema>;

export const presentRoutingSummary = (
  decision: RouteDecision,
  assignment: AssignmentOutcome,
): RoutingSummary => ({
  queueId: decision.queueId,
  routeId: decision.routeId,
  reason: decision.reason,
  explanation: decision.explanation,
  trace: decision.trace,
  assignment: { agentId: assignment.agentId, reason: assignment.reason, explanation: assignment.explanation },
});
