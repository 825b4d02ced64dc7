import { saveWorkingHours } from '../../services/working-hours/save-working-hours';
import { protectedProcedure } from '../../trpc/init';
import { workingHoursInputSchema, workingHoursSchema } from './working-hours.types';

/** Infobip's "create working hours" (REST: dialects/infobip/working-hours-operations.ts). */
export const createWorkingHours = protectedProcedure
  .input(workingHoursInputSchema)
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) => ctx.prisma.$transaction((tx) => saveWorkingHours(tx, ctx, input)));
