import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import type { QueueSettingsInput } from '../../routers/queues/queue.types';

/**
 * The columns a create or an update writes for Infobip's queue fields: the fields sent (undefined
 * leaves a column to its default or its stored value); `null` clears the fields that may be
 * empty and counts as not sent for the others. A calendar must be one of the organization's:
 * another tenant's id reads as unknown, 404 naming `workingHoursId`.
 */
export async function queueSettingsData(
  tx: Prisma.TransactionClient,
  organizationId: string,
  input: QueueSettingsInput,
) {
  if (input.workingHoursId) await assertOwnCalendar(tx, organizationId, input.workingHoursId);
  return {
    isAutoAssignmentEnabled: input.isAutoAssignmentEnabled ?? undefined,
    autoAssignmentAlgorithm: input.autoAssignmentAlgorithm,
    isAutoAssignmentOutsideOfWorkingHoursEnabled:
      input.isAutoAssignmentOutsideOfWorkingHoursEnabled ?? undefined,
    stickyAgentTimeoutDays: input.stickyAgentTimeoutDays,
    isStickyAutoAssignmentEnabled: input.isStickyAutoAssignmentEnabled,
    workingHoursId: input.workingHoursId,
    isRestricted: input.isRestricted ?? undefined,
    isPrivate: input.isPrivate ?? undefined,
    externalId: input.externalId,
  } satisfies Prisma.QueueUncheckedUpdateInput;
}

async function assertOwnCalendar(tx: Prisma.TransactionClient, organizationId: string, id: string) {
  const found = await tx.workingHours.findFirst({ where: { id, organizationId }, select: { id: true } });
  if (!found) {
    throw new DomainError(
      'NOT_FOUND',
      `Invalid workingHoursId '${id}' given! No such entity exists: workingHoursId must be one of your working hours (GET /ccaas/1/working-hours).`,
      { field: 'workingHoursId' },
    );
  }
}
