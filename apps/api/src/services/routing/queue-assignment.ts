import {
  type AssignmentStrategy,
  assignmentNeedsWorkingHours,
  decideQueueAssignment,
  type QueueAssignmentDecision,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { workingTimeOfQueues } from '../working-hours/calendar-of';

/**
 * Whether a queue's conversations are auto-assigned now and by which strategy (core
 * decideQueueAssignment over the queue's Infobip fields). Routing and the queue drain call it once
 * per queue, before locking the members: one read of the queue, and of its calendar only when the
 * queue stops assigning outside working hours.
 */
export async function queueAssignment(
  tx: Prisma.TransactionClient,
  request: { organizationId: string; queueId: string; strategy: AssignmentStrategy; now: Date },
): Promise<QueueAssignmentDecision> {
  const { organizationId, queueId, now } = request;
  const row = await tx.queue.findFirst({
    where: { id: queueId, organizationId },
    select: {
      isAutoAssignmentEnabled: true,
      isAutoAssignmentOutsideOfWorkingHoursEnabled: true,
      autoAssignmentAlgorithm: true,
    },
  });
  // A queue deleted meanwhile has no members left to assign.
  const queue = {
    autoAssignmentEnabled: row?.isAutoAssignmentEnabled ?? false,
    autoAssignmentOutsideOfWorkingHours: row?.isAutoAssignmentOutsideOfWorkingHoursEnabled ?? false,
    algorithm: row?.autoAssignmentAlgorithm ?? null,
  };
  const within = assignmentNeedsWorkingHours(queue)
    ? (await workingTimeOfQueues(tx, organizationId, [queueId], now))(queueId)
    : true;
  return decideQueueAssignment(queue, request.strategy, within);
}
