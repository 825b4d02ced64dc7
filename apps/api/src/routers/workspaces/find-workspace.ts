import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A workspace of the caller's organization, or 404 — another tenant's id looks like no id. */
export async function findWorkspace(
  tx: Prisma.TransactionClient,
  organizationId: string,
  workspaceId: string,
) {
  const workspace = await tx.workspace.findFirst({ where: { id: workspaceId, organizationId } });
  if (!workspace) throw new DomainError('NOT_FOUND', 'Workspace not found', { field: 'workspaceId' });
  return workspace;
}
