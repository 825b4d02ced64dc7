import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { changeHolidays } from '../../services/working-hours/change-holidays';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { workingHoursSchema } from './working-hours.types';

/** Infobip's "remove working hours holiday"; an unknown holiday id is 404 in Infobip's words. */
export const removeHoliday = protectedProcedure
  .input(
    z.object({ workingHoursId: idSchema.describe('Working hours id'), id: idSchema.describe('Holiday id') }),
  )
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction((tx) =>
      changeHolidays(tx, ctx, input.workingHoursId, async (row) => {
        if (!row.holidays.some((holiday) => holiday.id === input.id)) {
          throw new DomainError(
            'NOT_FOUND',
            `Invalid holidayId '${input.id}' given! No such entity exists.`,
            {
              field: 'id',
            },
          );
        }
        await tx.workingHoursHoliday.delete({ where: { id: input.id } });
      }),
    ),
  );
