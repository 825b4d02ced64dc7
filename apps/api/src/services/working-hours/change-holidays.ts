import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { WorkingHoursView } from '../../routers/working-hours/working-hours.types';
import type { ServiceContext } from '../service-context';
import { findWorkingHours, lockWorkingHours } from './find-working-hours';
import { presentWorkingHours, type WorkingHoursRow, withHolidays } from './working-hours-view';

/**
 * Adds or removes holidays of one calendar (the others keep their ids) and records it as one
 * `workingHours.updated` event with the calendar before and after.
 */
export async function changeHolidays(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  workingHoursId: string,
  apply: (row: WorkingHoursRow) => Promise<unknown>,
): Promise<WorkingHoursView> {
  const { organizationId } = ctx;
  await lockWorkingHours(tx, organizationId);
  const before = await findWorkingHours(tx, organizationId, workingHoursId);
  await apply(before);
  const row = await tx.workingHours.update({
    where: { id: before.id },
    data: { updatedAt: new Date() },
    include: withHolidays,
  });
  const after = presentWorkingHours(row);
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: 'workingHours.update',
    entityType: 'workingHours',
    entityId: row.id,
    before: presentWorkingHours(before),
    after,
    requestId: ctx.requestId,
  });
  return after;
}
