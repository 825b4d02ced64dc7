import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { type WorkingHoursRow, withHolidays } from './working-hours-view';

/** The caller's calendar, or 404 in Infobip's words; another tenant's id reads as unknown. */
export async function findWorkingHours(
  tx: Prisma.TransactionClient,
  organizationId: string,
  id: string,
): Promise<WorkingHoursRow> {
  const row = await tx.workingHours.findFirst({ where: { id, organizationId }, include: withHolidays });
  if (!row) {
    throw new DomainError('NOT_FOUND', `Invalid id '${id}' given! No such entity exists.`, { field: 'id' });
  }
  return row;
}

// One writer per organization at a time: "at most one default calendar" is kept by demoting the
// others in the same transaction, which two concurrent saves would otherwise both skip.
export const lockWorkingHours = (tx: Prisma.TransactionClient, organizationId: string) =>
  tx.$executeRaw`SELECT pg_advisory_xact_lock(hashtext(${`working-hours:${organizationId}`}))`;
