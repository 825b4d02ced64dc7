import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { WorkingHoursInput, WorkingHoursView } from '../../routers/working-hours/working-hours.types';
import type { ServiceContext } from '../service-context';
import { checkWorkingHours, storedHoliday, storedWorkWeek } from './check-working-hours';
import { findWorkingHours, lockWorkingHours } from './find-working-hours';
import { presentWorkingHours, withHolidays } from './working-hours-view';

/** A calendar to save; without `holidays` the stored ones stay (with their ids). */
export type WorkingHoursChange = Omit<WorkingHoursInput, 'isDefault' | 'holidays'> & {
  isDefault?: boolean | undefined;
  holidays?: WorkingHoursInput['holidays'] | undefined;
};

/**
 * Creates a calendar (no `id`) or replaces one, holidays included, after core's checks; one
 * audit entry (one `workingHours.created` / `.updated` event). A calendar saved as default
 * demotes the organization's previous default in the same transaction. The first calendar of an
 * organization is its default unless `isDefault: false` is sent, so routing has hours to follow.
 */
export async function saveWorkingHours(
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  change: WorkingHoursChange,
  id?: string,
): Promise<WorkingHoursView> {
  const { organizationId } = ctx;
  await lockWorkingHours(tx, organizationId);
  const existing = id ? await findWorkingHours(tx, organizationId, id) : undefined;
  checkWorkingHours({ ...change, holidays: change.holidays ?? existing?.holidays ?? [] });
  const hasDefault =
    (await tx.workingHours.count({
      where: { organizationId, isDefault: true, ...(id ? { id: { not: id } } : {}) },
    })) > 0;
  const isDefault = change.isDefault ?? existing?.isDefault ?? !hasDefault;
  if (isDefault && hasDefault) {
    await tx.workingHours.updateMany({
      where: { organizationId, isDefault: true, ...(id ? { id: { not: id } } : {}) },
      data: { isDefault: false },
    });
  }
  const fields = {
    name: change.name,
    timezone: change.timezone,
    message: change.message,
    workWeek: storedWorkWeek(change.workWeek) as unknown as Prisma.InputJsonObject,
    enabled: change.enabled,
    isDefault,
    closeConversations: change.closeConversations,
    sendAwayMessageEveryOOWHPeriod: change.sendAwayMessageEveryOOWHPeriod,
  };
  const holidays = (change.holidays ?? []).map((holiday) => ({ organizationId, ...storedHoliday(holiday) }));
  const row = existing
    ? await tx.workingHours.update({
        where: { id: existing.id },
        data: {
          ...fields,
          ...(change.holidays ? { holidays: { deleteMany: {}, createMany: { data: holidays } } } : {}),
        },
        include: withHolidays,
      })
    : await tx.workingHours.create({
        data: { organizationId, ...fields, holidays: { createMany: { data: holidays } } },
        include: withHolidays,
      });
  const after = presentWorkingHours(row);
  await recordAudit(tx, {
    organizationId,
    actor: ctx.actor,
    action: existing ? 'workingHours.update' : 'workingHours.create',
    entityType: 'workingHours',
    entityId: row.id,
    before: existing ? presentWorkingHours(existing) : null,
    after,
    requestId: ctx.requestId,
  });
  return after;
}
