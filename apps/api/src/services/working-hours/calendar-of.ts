import {
  isWithinWorkingHours,
  type WorkingHoursCalendar,
  type WorkingInterval,
  weekdays,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { StoredWorkWeek } from './work-week';

/** Core's calendar from a stored row: the enabled intervals of each day, the holidays as stored. */
export const calendarOf = (row: {
  timezone: string;
  workWeek: Prisma.JsonValue;
  holidays: readonly { startDate: string; endDate: string; enabled: boolean }[];
}): WorkingHoursCalendar => {
  const week = row.workWeek as unknown as StoredWorkWeek;
  const intervals = (day: (typeof weekdays)[number]): WorkingInterval[] =>
    (week[day] ?? [])
      .filter((interval) => interval.enabled)
      .map((interval) => ({ start: interval.startTime, end: interval.endTime }));
  return {
    timeZone: row.timezone,
    week: Object.fromEntries(
      weekdays.map((day) => [day, intervals(day)]),
    ) as unknown as WorkingHoursCalendar['week'],
    holidays: row.holidays.map(({ startDate, endDate, enabled }) => ({ startDate, endDate, enabled })),
  };
};

/**
 * Whether it is working time at `now` for each of these queues: by the queue's own calendar
 * (Infobip's queue `workingHoursId`), else by the organization's default one. A disabled calendar,
 * or no enabled default one, designates no hours: every moment is working time then (rules
 * marked routeOnlyDuringWorkingHours are never skipped). One read: the default calendar and the
 * queues' own, with their holidays.
 */
export async function workingTimeOfQueues(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueIds: readonly string[],
  now: Date,
): Promise<(queueId: string) => boolean> {
  const rows = await tx.workingHours.findMany({
    where: {
      organizationId,
      OR: [{ isDefault: true, enabled: true }, { queues: { some: { id: { in: [...queueIds] } } } }],
    },
    include: { holidays: true, queues: { where: { id: { in: [...queueIds] } }, select: { id: true } } },
  });
  const open = (row: (typeof rows)[number]) => !row.enabled || isWithinWorkingHours(calendarOf(row), now);
  const byQueue = new Map(
    rows.flatMap((row) => {
      const inside = open(row);
      return row.queues.map((queue) => [queue.id, inside] as const);
    }),
  );
  const fallback = rows.find((row) => row.isDefault && row.enabled);
  const byDefault = fallback ? open(fallback) : true;
  return (queueId) => byQueue.get(queueId) ?? byDefault;
}
