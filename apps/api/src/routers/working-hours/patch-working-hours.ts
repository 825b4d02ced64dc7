import { weekdays } from '@switchboard/core';
import { z } from 'zod';
import { findWorkingHours } from '../../services/working-hours/find-working-hours';
import { saveWorkingHours } from '../../services/working-hours/save-working-hours';
import { inputOfRow, mergeWorkWeek } from '../../services/working-hours/working-hours-input';
import { protectedProcedure } from '../../trpc/init';
import {
  workingHoursIdInput,
  workingHoursInputSchema,
  workingHoursSchema,
  workWeekSchema,
} from './working-hours.types';

const fields = workingHoursInputSchema.shape;
const days = workWeekSchema.shape;

/** Every field optional and without defaults: what is not sent stays as stored. */
const patchSchema = workingHoursIdInput.extend({
  name: fields.name.optional(),
  timezone: fields.timezone.optional(),
  message: fields.message.optional(),
  workWeek: z
    .object(
      Object.fromEntries(weekdays.map((day) => [day, days[day].optional()])) as {
        [Day in keyof typeof days]: z.ZodOptional<(typeof days)[Day]>;
      },
    )
    .optional()
    .describe('The days sent replace those days; the others stay'),
  enabled: z.boolean().optional(),
  isDefault: z.boolean().optional(),
  closeConversations: z.boolean().optional(),
  sendAwayMessageEveryOOWHPeriod: z.boolean().optional(),
  holidays: fields.holidays.removeDefault().optional().describe('When sent, replaces every holiday'),
});

/** Infobip's "patch working hours": the fields sent change, checked as a whole calendar. */
export const patchWorkingHours = protectedProcedure
  .input(patchSchema)
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const { id, workWeek, ...sent } = input;
      const current = inputOfRow(await findWorkingHours(tx, ctx.organizationId, id));
      const defined = Object.fromEntries(Object.entries(sent).filter(([, value]) => value !== undefined));
      // Holidays not sent stay as stored (with their ids).
      const change = {
        ...current,
        holidays: undefined,
        ...defined,
        workWeek: mergeWorkWeek(current.workWeek, workWeek),
      };
      return saveWorkingHours(tx, ctx, change, id);
    }),
  );
