/**
 * A working-hours calendar: in which time zone, which minutes of each weekday are working time,
 * and which days are holidays. Plain data, so the API stores it and core decides with it.
 */
export const weekdays = [
  'MONDAY',
  'TUESDAY',
  'WEDNESDAY',
  'THURSDAY',
  'FRIDAY',
  'SATURDAY',
  'SUNDAY',
] as const;
export type Weekday = (typeof weekdays)[number];

/** Minutes after local midnight: `start` inclusive, `end` exclusive (1440 is the end of the day). */
export interface WorkingInterval {
  start: number;
  end: number;
}

/** A holiday: local calendar days `startDate`…`endDate` inclusive (`YYYY-MM-DD`). */
export interface Holiday {
  startDate: string;
  endDate: string;
  enabled: boolean;
}

export interface WorkingHoursCalendar {
  /** An IANA time zone name (`Europe/Zagreb`, `Etc/UTC`). */
  timeZone: string;
  /** Working intervals per weekday, sorted and not overlapping; no interval = a day off. */
  week: Record<Weekday, readonly WorkingInterval[]>;
  holidays: readonly Holiday[];
}

export const minutesPerDay = 1440;
