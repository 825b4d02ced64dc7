import { weekdays } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { WorkingHoursView } from '../../routers/working-hours/working-hours.types';
import type { StoredWorkWeek } from './work-week';

export type WorkingHoursRow = Prisma.WorkingHoursGetPayload<{ include: { holidays: true } }>;

/** Holidays in date order, so every read lists them alike. */
export const withHolidays = {
  holidays: { orderBy: [{ startDate: 'asc' as const }, { id: 'asc' as const }] },
};

/** A calendar as Infobip answers it: one interval per day as an object, several as a list. */
export const presentWorkingHours = (row: WorkingHoursRow): WorkingHoursView => {
  const week = row.workWeek as unknown as StoredWorkWeek;
  return {
    id: row.id,
    name: row.name,
    timezone: row.timezone,
    message: row.message,
    workWeek: Object.fromEntries(
      weekdays.map((day) => {
        const intervals = week[day] ?? [];
        return [day, intervals.length === 1 ? intervals[0] : intervals];
      }),
    ) as WorkingHoursView['workWeek'],
    enabled: row.enabled,
    isDefault: row.isDefault,
    closeConversations: row.closeConversations,
    sendAwayMessageEveryOOWHPeriod: row.sendAwayMessageEveryOOWHPeriod,
    holidays: row.holidays.map(({ id, workingHoursId, name, startDate, endDate, enabled }) => ({
      id,
      workingHoursId,
      name,
      startDate,
      endDate,
      enabled,
    })),
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
};
