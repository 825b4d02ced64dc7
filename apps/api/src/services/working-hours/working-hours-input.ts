import type { Weekday } from '@switchboard/core';
import type { WorkWeekInput } from '../../routers/working-hours/working-hours.types';
import type { WorkingHoursChange } from './save-working-hours';
import type { StoredWorkWeek } from './work-week';
import type { WorkingHoursRow } from './working-hours-view';

/** A stored calendar as the input that would save it again (what PATCH and holidays start from). */
export const inputOfRow = (row: WorkingHoursRow): WorkingHoursChange => {
  const week = row.workWeek as unknown as StoredWorkWeek;
  return {
    name: row.name,
    timezone: row.timezone,
    message: row.message,
    workWeek: Object.fromEntries(
      Object.entries(week).map(([day, intervals]) => [
        day,
        intervals.length === 1 ? intervals[0] : intervals,
      ]),
    ) as WorkWeekInput,
    enabled: row.enabled,
    isDefault: row.isDefault,
    closeConversations: row.closeConversations,
    sendAwayMessageEveryOOWHPeriod: row.sendAwayMessageEveryOOWHPeriod,
    holidays: row.holidays.map(({ name, startDate, endDate, enabled }) => ({
      name,
      startDate,
      endDate,
      enabled,
    })),
  };
};

/** The days a PATCH sends replace those days; the others stay. */
export const mergeWorkWeek = (
  current: WorkWeekInput,
  patch: Partial<Record<Weekday, WorkWeekInput[Weekday]>> | undefined,
): WorkWeekInput => ({ ...current, ...(patch ?? {}) }) as WorkWeekInput;
