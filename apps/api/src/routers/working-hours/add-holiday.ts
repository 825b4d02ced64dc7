import { DomainError } from '@switchboard/core';
import { changeHolidays } from '../../services/working-hours/change-holidays';
import { checkWorkingHours, storedHoliday } from '../../services/working-hours/check-working-hours';
import { inputOfRow } from '../../services/working-hours/working-hours-input';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { holidayInputSchema, maxHolidays, workingHoursSchema } from './working-hours.types';

/** Infobip's "create working hours holiday": answers the whole calendar with the new holiday. */
export const addHoliday = protectedProcedure
  .input(holidayInputSchema.extend({ workingHoursId: idSchema.describe('Working hours id') }))
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) => {
    const { workingHoursId, ...holiday } = input;
    return ctx.prisma.$transaction((tx) =>
      changeHolidays(tx, ctx, workingHoursId, async (row) => {
        if (row.holidays.length >= maxHolidays) {
          throw new DomainError('VALIDATION', `holidays: a calendar has at most ${maxHolidays} holidays`, {
            field: 'holidays',
          });
        }
        // Checked alone, so the message names this holiday's fields.
        checkWorkingHours({ ...inputOfRow(row), holidays: [holiday] });
        await tx.workingHoursHoliday.create({
          data: { organizationId: ctx.organizationId, workingHoursId: row.id, ...storedHoliday(holiday) },
        });
      }),
    );
  });
