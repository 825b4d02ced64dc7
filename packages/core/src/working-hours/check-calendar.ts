import { DomainError } from '../errors';
import { type Holiday, minutesPerDay, type WorkingHoursCalendar, weekdays } from './calendar';

const fail = (field: string, message: string): never => {
  throw new DomainError('VALIDATION', `${field}: ${message}`, { field });
};

const ianaName = /^[A-Za-z][A-Za-z0-9_+-]*(\/[A-Za-z0-9_+-]+)*$/;

/** Whether `name` is an IANA time zone this runtime knows (its bundled ICU data, not a table of ours). */
export const isKnownTimeZone = (name: string): boolean => {
  if (!ianaName.test(name)) return false;
  try {
    new Intl.DateTimeFormat('en-US', { timeZone: name });
    return true;
  } catch {
    return false;
  }
};

const isoDay = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Whether `text` is a real calendar day written `YYYY-MM-DD` (no 2021-02-30). */
export const isCalendarDay = (text: string): boolean => {
  const match = isoDay.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
};

const checkHoliday = (holiday: Holiday, field: string): void => {
  if (!isCalendarDay(holiday.startDate))
    fail(`${field}.startDate`, 'write a day as yyyy-MM-dd, e.g. 2021-01-01');
  if (!isCalendarDay(holiday.endDate)) fail(`${field}.endDate`, 'write a day as yyyy-MM-dd, e.g. 2021-01-01');
  // ISO days compare as text.
  if (holiday.endDate < holiday.startDate) fail(`${field}.endDate`, 'must be on or after startDate');
};

/**
 * Refuses a calendar routing could not use: an unknown time zone, an interval that is empty or
 * outside the day, intervals of one day that overlap, a holiday that ends before it starts.
 * `paths` say how the caller spells each part, so the message names the field they sent.
 */
export const checkCalendar = (
  calendar: WorkingHoursCalendar,
  paths: {
    timeZone: string;
    day: (day: string, index: number) => string;
    holiday: (index: number) => string;
  },
): void => {
  if (!isKnownTimeZone(calendar.timeZone)) {
    fail(
      paths.timeZone,
      `unknown time zone "${calendar.timeZone}"; use an IANA name such as Europe/Zagreb or Etc/UTC`,
    );
  }
  for (const day of weekdays) {
    const intervals = [...calendar.week[day]].map((interval, index) => ({ ...interval, index }));
    for (const { start, end, index } of intervals) {
      const field = paths.day(day, index);
      if (!Number.isInteger(start) || !Number.isInteger(end) || start < 0 || end > minutesPerDay) {
        fail(field, `times are whole minutes from 0 to ${minutesPerDay}`);
      }
      if (end <= start)
        fail(field, `endTime (${end}) must be after startTime (${start}); disable the day to close it`);
    }
    intervals.sort((a, b) => a.start - b.start);
    for (let i = 1; i < intervals.length; i++) {
      const previous = intervals[i - 1];
      const current = intervals[i];
      if (previous && current && current.start < previous.end) {
        fail(
          paths.day(day, current.index),
          `overlaps another interval of ${day} (${previous.start}–${previous.end})`,
        );
      }
    }
  }
  calendar.holidays.forEach((holiday, index) => {
    checkHoliday(holiday, paths.holiday(index));
  });
};
