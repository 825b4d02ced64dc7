import { saveWorkingHours } from '../../services/working-hours/save-working-hours';
import { protectedProcedure } from '../../trpc/init';
import { workingHoursIdInput, workingHoursInputSchema, workingHoursSchema } from './working-hours.types';

/** Infobip's "update working hours": the whole calendar, holidays included, is replaced. */
export const updateWorkingHours = protectedProcedure
  .input(workingHoursInputSchema.extend(workingHoursIdInput.shape))
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) => {
    const { id, ...change } = input;
    return ctx.prisma.$transaction((tx) => saveWorkingHours(tx, ctx, change, id));
  });
