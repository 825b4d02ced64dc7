import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A group of the caller's organization, or 404 (another tenant's id looks like no id). */
export async function findGroup(tx: Prisma.TransactionClient, organizationId: string, groupId: string) {
  const group = await tx.conversationGroup.findFirst({ where: { id: groupId, organizationId } });
  if (!group) throw new DomainError('NOT_FOUND', 'Group not found', { field: 'groupId' });
  return group;
}

/**
 * A group by its id or by its name (the Slack bot addresses groups by name). Names are unique per
 * organization and compared exactly, as they are stored (trimmed).
 */
export async function findGroupByRef(
  tx: Prisma.TransactionClient,
  organizationId: string,
  ref: { groupId?: string | undefined; name?: string | undefined },
) {
  if (ref.groupId !== undefined) return findGroup(tx, organizationId, ref.groupId);
  const name = ref.name?.trim() ?? '';
  const group = await tx.conversationGroup.findFirst({ where: { organizationId, name } });
  if (!group) throw new DomainError('NOT_FOUND', `No group named "${name}"`, { field: 'name' });
  return group;
}
