import { recordAudit } from '../../audit/record-audit';
import { findWorkingHours, lockWorkingHours } from '../../services/working-hours/find-working-hours';
import { presentWorkingHours } from '../../services/working-hours/working-hours-view';
import { protectedProcedure } from '../../trpc/init';
import { workingHoursIdInput, workingHoursSchema } from './working-hours.types';

/**
 * Infobip's "delete working hours", holidays included. Deleting the default calendar leaves the
 * organization without working hours: rules marked routeOnlyDuringWorkingHours then always apply.
 */
export const deleteWorkingHours = protectedProcedure
  .input(workingHoursIdInput)
  .output(workingHoursSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await lockWorkingHours(tx, ctx.organizationId);
      const row = await findWorkingHours(tx, ctx.organizationId, input.id);
      await tx.workingHours.delete({ where: { id: row.id } });
      const view = presentWorkingHours(row);
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'workingHours.delete',
        entityType: 'workingHours',
        entityId: row.id,
        before: view,
        after: null,
        requestId: ctx.requestId,
      });
      return view;
    }),
  );
