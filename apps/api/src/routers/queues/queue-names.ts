import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** Queue names are unique per organization: a clear 409 before the database's own refusal. */
export async function assertQueueNameFree(
  tx: Prisma.TransactionClient,
  organizationId: string,
  name: string,
  exceptQueueId?: string,
): Promise<void> {
  const taken = await tx.queue.findFirst({
    where: { organizationId, name, ...(exceptQueueId ? { id: { not: exceptQueueId } } : {}) },
    select: { id: true },
  });
  if (taken) {
    throw new DomainError('CONFLICT', `A queue named "${name}" already exists (${taken.id}).`, {
      field: 'name',
      queueId: taken.id,
    });
  }
}
