import { findWorkingHours } from '../../services/working-hours/find-working-hours';
import { presentWorkingHours } from '../../services/working-hours/working-hours-view';
import { protectedProcedure } from '../../trpc/init';
import { workingHoursIdInput, workingHoursSchema } from './working-hours.types';

/** Infobip's "get working hours": one calendar with its holidays. */
export const getWorkingHours = protectedProcedure
  .input(workingHoursIdInput)
  .output(workingHoursSchema)
  .query(async ({ ctx, input }) =>
    presentWorkingHours(await findWorkingHours(ctx.prisma, ctx.organizationId, input.id)),
  );
