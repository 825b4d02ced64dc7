import {
  isWithinWorkingHours,
  type WorkingHoursCalendar,
  type WorkingInterval,
  weekdays,
} from '@switchboard/core';
import { Prisma } from '@switchboard/db';
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

/** A calendar as routing reads it: the row's fields and its holidays, in one JSON value. */
export interface StoredCalendar {
  enabled: boolean;
  timezone: string;
  workWeek: Prisma.JsonValue;
  holidays: { startDate: string; endDate: string; enabled: boolean }[];
}

/** The JSON of the calendar row `w` with its holidays (a StoredCalendar), for one-statement reads. */
export const storedCalendarJson = Prisma.sql`jsonb_build_object(
  'enabled', w."enabled", 'timezone', w."timezone", 'workWeek', w."workWeek",
  'holidays', COALESCE((
    SELECT jsonb_agg(jsonb_build_object('startDate', h."startDate", 'endDate', h."endDate", 'enabled', h."enabled"))
    FROM "WorkingHoursHoliday" h WHERE h."workingHoursId" = w."id"), '[]'::jsonb))`;

/** Working time by a stored calendar: a disabled one designates no hours (every moment is). */
export const isOpenBy = (calendar: StoredCalendar, now: Date): boolean =>
  !calendar.enabled || isWithinWorkingHours(calendarOf(calendar), now);

/**
 * Whether it is working time at `now` for each of these queues: by the queue's own calendar
 * (Infobip's queue `workingHoursId`), else by the organization's default one. A disabled calendar,
 * or no enabled default one, designates no hours: every moment is working time then (rules
 * marked routeOnlyDuringWorkingHours are never skipped). One statement: the default calendar and
 * the queues' own, with their holidays.
 */
export async function workingTimeOfQueues(
  tx: Prisma.TransactionClient,
  organizationId: string,
  queueIds: readonly string[],
  now: Date,
): Promise<(queueId: string) => boolean> {
  const rows = await tx.$queryRaw<{ isDefault: boolean; queueIds: string[]; calendar: StoredCalendar }[]>`
    SELECT w."isDefault",
      ARRAY(SELECT q."id" FROM "Queue" q
            WHERE q."workingHoursId" = w."id" AND q."id" = ANY(${queueIds}::text[])) AS "queueIds",
      ${storedCalendarJson} AS "calendar"
    FROM "WorkingHours" w
    WHERE w."organizationId" = ${organizationId}
      AND ((w."isDefault" AND w."enabled") OR EXISTS (
        SELECT 1 FROM "Queue" q WHERE q."workingHoursId" = w."id" AND q."id" = ANY(${queueIds}::text[])))`;
  const byQueue = new Map(
    rows.flatMap((row) => {
      const inside = isOpenBy(row.calendar, now);
      return row.queueIds.map((queueId) => [queueId, inside] as const);
    }),
  );
  const fallback = rows.find((row) => row.isDefault && row.calendar.enabled);
  const byDefault = fallback ? isOpenBy(fallback.calendar, now) : true;
  return (queueId) => byQueue.get(queueId) ?? byDefault;
}
