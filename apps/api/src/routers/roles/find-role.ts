import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A role of one of the caller's workspaces, or 404 (another tenant's id looks like no id). */
export async function findRole(
  tx: Prisma.TransactionClient,
  organizationId: string,
  where: { workspaceId: string } & ({ roleId: string } | { customerRoleId: string }),
) {
  const role = await tx.role.findFirst({
    where: {
      organizationId,
      workspaceId: where.workspaceId,
      ...('roleId' in where ? { id: where.roleId } : { customerRoleId: where.customerRoleId }),
    },
  });
  if (!role) {
    const field = 'roleId' in where ? 'roleId' : 'customerRoleId';
    throw new DomainError('NOT_FOUND', `Role not found in this workspace (${field}).`, { field });
  }
  return role;
}

/** 409 when the workspace already has a role with this customerRoleId (other than `exceptId`). */
export async function assertCustomerRoleIdFree(
  tx: Prisma.TransactionClient,
  workspaceId: string,
  customerRoleId: string | null | undefined,
  exceptId?: string,
): Promise<void> {
  if (!customerRoleId) return;
  const clash = await tx.role.findFirst({
    where: { workspaceId, customerRoleId, ...(exceptId ? { id: { not: exceptId } } : {}) },
    select: { id: true },
  });
  if (clash) {
    throw new DomainError('CONFLICT', `customerRoleId "${customerRoleId}" is already used by another role.`, {
      field: 'customerRoleId',
    });
  }
}

/**
 * The role a request names by `roleId` or `customerRoleId` (Sharely allows one of them; both is
 * 400 with Sharely's documented message), or undefined when it names none.
 */
export async function findRequestedRole(
  tx: Prisma.TransactionClient,
  organizationId: string,
  request: { workspaceId: string; roleId?: string | undefined; customerRoleId?: string | undefined },
) {
  const { workspaceId, roleId, customerRoleId } = request;
  if (roleId !== undefined && customerRoleId !== undefined) {
    throw new DomainError('VALIDATION', 'Provide only one of roleId or customerRoleId', { field: 'roleId' });
  }
  if (roleId !== undefined) return findRole(tx, organizationId, { workspaceId, roleId });
  if (customerRoleId !== undefined) return findRole(tx, organizationId, { workspaceId, customerRoleId });
  return undefined;
}
