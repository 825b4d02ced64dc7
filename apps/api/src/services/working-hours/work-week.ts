import type { Weekday } from '@switchboard/core';

/** One interval of a day as Infobip writes it: minutes after local midnight, end exclusive. */
export interface DayHours {
  startTime: number;
  endTime: number;
  enabled: boolean;
}

/** How a work week is stored: every weekday, its intervals in the order sent. */
export type StoredWorkWeek = Record<Weekday, DayHours[]>;
