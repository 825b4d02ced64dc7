import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A group conversation of one of the caller's spaces, or 404 (first the space, then the group). */
export async function findSpaceGroup(
  tx: Prisma.TransactionClient,
  organizationId: string,
  ids: { spaceId: string; groupId: string },
) {
  const space = await tx.space.findFirst({
    where: { id: ids.spaceId, organizationId },
    select: { id: true },
  });
  if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
  const group = await tx.conversation.findFirst({
    where: { id: ids.groupId, spaceId: space.id, organizationId },
    select: { id: true, topic: true },
  });
  if (!group) throw new DomainError('NOT_FOUND', 'Group not found', { field: 'groupId' });
  return group;
}
