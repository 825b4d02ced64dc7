import { checkCalendar, type Weekday, weekdays } from '@switchboard/core';
import type { HolidayInput, WorkWeekInput } from '../../routers/working-hours/working-hours.types';
import type { DayHours, StoredWorkWeek } from './work-week';

/** The work week as stored: every day as a list of intervals, in the order sent. */
export const storedWorkWeek = (week: WorkWeekInput): StoredWorkWeek =>
  Object.fromEntries(weekdays.map((day) => [day, ([] as DayHours[]).concat(week[day])])) as StoredWorkWeek;

/** A holiday as stored: one day when no end is given. */
export const storedHoliday = (holiday: HolidayInput) => ({
  name: holiday.name,
  startDate: holiday.startDate,
  endDate: holiday.endDate ?? holiday.startDate,
  enabled: holiday.enabled,
});

/**
 * Core's calendar checks (known IANA zone, non-empty and non-overlapping enabled intervals, real
 * holiday days) with the fields named as the caller sent them: `workWeek.MONDAY` for Infobip's
 * one interval, `workWeek.MONDAY[1]` in a list. A disabled interval is not working time, so only
 * its range (0–1440) is checked.
 */
export function checkWorkingHours(input: {
  timezone: string;
  workWeek: WorkWeekInput;
  holidays: readonly HolidayInput[];
}): void {
  const week = storedWorkWeek(input.workWeek);
  const enabled = (day: Weekday) =>
    week[day].flatMap((interval, index) =>
      interval.enabled ? [{ start: interval.startTime, end: interval.endTime, index }] : [],
    );
  const positions = new Map<string, number[]>();
  const calendarWeek = Object.fromEntries(
    weekdays.map((day) => {
      const intervals = enabled(day);
      positions.set(
        day,
        intervals.map((interval) => interval.index),
      );
      return [day, intervals.map(({ start, end }) => ({ start, end }))];
    }),
  ) as Record<Weekday, { start: number; end: number }[]>;
  checkCalendar(
    {
      timeZone: input.timezone,
      week: calendarWeek,
      holidays: input.holidays.map(storedHoliday),
    },
    {
      timeZone: 'timezone',
      day: (day, index) => {
        const original = positions.get(day)?.[index] ?? index;
        return Array.isArray(input.workWeek[day as Weekday])
          ? `workWeek.${day}[${original}]`
          : `workWeek.${day}`;
      },
      holiday: (index) => `holidays[${index}]`,
    },
  );
}
