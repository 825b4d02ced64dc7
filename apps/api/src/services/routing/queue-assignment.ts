import {
  type AssignmentStrategy,
  assignmentNeedsWorkingHours,
  decideQueueAssignment,
  type QueueAssignmentDecision,
} from '@switchboard/core';
import { type AutoAssignmentAlgorithm, Prisma, prepared } from '@switchboard/db';
import { isOpenBy, type StoredCalendar, storedCalendarJson } from '../working-hours/calendar-of';

/**
 * Whether a queue's conversations are auto-assigned now and by which strategy (core
 * decideQueueAssignment over the queue's Infobip fields). Routing and the queue drain call it once
 * per queue, before locking the members: one statement reads the queue and the calendar it goes
 * by (its own, else the organization's enabled default), which matters only when the queue stops
 * assigning outside working hours.
 */
export async function queueAssignment(
  tx: Prisma.TransactionClient,
  request: { organizationId: string; queueId: string; strategy: AssignmentStrategy; now: Date },
): Promise<QueueAssignmentDecision> {
  const { organizationId, queueId, now } = request;
  const [row] = await tx.$queryRaw<QueueRow[]>(
    prepared(Prisma.sql`
    SELECT q."isAutoAssignmentEnabled", q."isAutoAssignmentOutsideOfWorkingHoursEnabled",
      q."autoAssignmentAlgorithm"::text AS "autoAssignmentAlgorithm",
      (SELECT ${storedCalendarJson} FROM "WorkingHours" w
       WHERE w."organizationId" = q."organizationId"
         AND (w."id" = q."workingHoursId" OR (q."workingHoursId" IS NULL AND w."isDefault" AND w."enabled"))
       LIMIT 1) AS "calendar"
    FROM "Queue" q WHERE q."id" = ${queueId} AND q."organizationId" = ${organizationId}`),
  );
  // A queue deleted meanwhile has no members left to assign.
  const queue = {
    autoAssignmentEnabled: row?.isAutoAssignmentEnabled ?? false,
    autoAssignmentOutsideOfWorkingHours: row?.isAutoAssignmentOutsideOfWorkingHoursEnabled ?? false,
    algorithm: row?.autoAssignmentAlgorithm ?? null,
  };
  const within = assignmentNeedsWorkingHours(queue) && row?.calendar ? isOpenBy(row.calendar, now) : true;
  return decideQueueAssignment(queue, request.strategy, within);
}

interface QueueRow {
  isAutoAssignmentEnabled: boolean;
  isAutoAssignmentOutsideOfWorkingHoursEnabled: boolean;
  autoAssignmentAlgorithm: AutoAssignmentAlgorithm | null;
  calendar: StoredCalendar | null;
}
