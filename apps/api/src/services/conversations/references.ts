import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/**
 * Where a new conversation lives. A space implies its workspace; a workspace and a space must
 * agree; with neither, the organization's default workspace (`workspaceId: null`: the insert
 * finds it, see insert-conversation). Another organization's ids answer 404 naming the field,
 * exactly like missing ones.
 */
export async function resolvePlacement(
  tx: Prisma.TransactionClient,
  organizationId: string,
  requested: { workspaceId?: string | undefined; spaceId?: string | null | undefined },
): Promise<{ workspaceId: string | null; spaceId: string | null }> {
  if (requested.workspaceId !== undefined) {
    const workspace = await tx.workspace.findFirst({
      where: { id: requested.workspaceId, organizationId },
      select: { id: true },
    });
    if (!workspace) throw new DomainError('NOT_FOUND', 'Workspace not found', { field: 'workspaceId' });
  }
  if (requested.spaceId) {
    const space = await tx.space.findFirst({
      where: { id: requested.spaceId, organizationId },
      select: { id: true, workspaceId: true },
    });
    if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
    if (requested.workspaceId !== undefined && space.workspaceId !== requested.workspaceId) {
      throw new DomainError(
        'VALIDATION',
        `Space ${space.id} belongs to another workspace; send that workspaceId or leave it out.`,
        { field: 'spaceId' },
      );
    }
    return { workspaceId: space.workspaceId, spaceId: space.id };
  }
  return { workspaceId: requested.workspaceId ?? null, spaceId: null };
}
