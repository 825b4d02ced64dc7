import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A tracker of the caller's organization, or 404 (another tenant's id looks like no id). */
export async function findTracker(tx: Prisma.TransactionClient, organizationId: string, trackerId: string) {
  const tracker = await tx.tracker.findFirst({ where: { id: trackerId, organizationId } });
  if (!tracker) throw new DomainError('NOT_FOUND', 'Tracker not found', { field: 'trackerId' });
  return tracker;
}

/** Symbl answers a duplicate tracker name with 409. */
export async function assertTrackerNameFree(
  tx: Prisma.TransactionClient,
  organizationId: string,
  name: string,
  field: string,
  exceptId?: string,
): Promise<void> {
  const clash = await tx.tracker.findFirst({
    where: { organizationId, name, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    throw new DomainError('CONFLICT', `${field}: a tracker named "${name}" already exists.`, { field });
  }
}
