import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { findWorkspace } from '../workspaces/find-workspace';

/**
 * A space of the caller's organization inside the given workspace, or 404: first "Workspace not
 * found" for an unknown (or another tenant's) workspace, then Sharely's "Space not found".
 */
export async function findSpace(
  tx: Prisma.TransactionClient,
  organizationId: string,
  ids: { workspaceId: string; spaceId: string },
) {
  await findWorkspace(tx, organizationId, ids.workspaceId);
  const space = await tx.space.findFirst({
    where: { id: ids.spaceId, workspaceId: ids.workspaceId, organizationId },
  });
  if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
  return space;
}
