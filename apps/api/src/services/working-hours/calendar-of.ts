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
 * Whether it is working time at `now` by the organization's default calendar. Without an
 * enabled default calendar no working hours are designated, so every moment counts as working
 * time (rules marked routeOnlyDuringWorkingHours are then never skipped).
 */
export async function isWorkingTime(
  tx: Prisma.TransactionClient,
  organizationId: string,
  now: Date,
): Promise<boolean> {
  const row = await tx.workingHours.findFirst({
    where: { organizationId, isDefault: true, enabled: true },
    include: { holidays: true },
  });
  return row ? isWithinWorkingHours(calendarOf(row), now) : true;
}
