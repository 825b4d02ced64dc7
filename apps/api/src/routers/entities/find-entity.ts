import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A custom entity of the caller's organization, or 404 (another tenant's id looks like no id). */
export async function findEntity(tx: Prisma.TransactionClient, organizationId: string, entityId: string) {
  const entity = await tx.customEntity.findFirst({ where: { id: entityId, organizationId } });
  if (!entity) throw new DomainError('NOT_FOUND', 'Custom entity not found', { field: 'entityId' });
  return entity;
}

/** 409 when `type`/`subType` is taken in the organization by another entity than `exceptId`. */
export async function assertSubTypeFree(
  tx: Prisma.TransactionClient,
  organizationId: string,
  entity: { type: string; subType: string },
  field: string,
  exceptId?: string,
): Promise<void> {
  const clash = await tx.customEntity.findFirst({
    where: {
      organizationId,
      type: entity.type,
      subType: entity.subType,
      ...(exceptId ? { id: { not: exceptId } } : {}),
    },
    select: { id: true },
  });
  if (clash) {
    throw new DomainError(
      'CONFLICT',
      `${field}: type "${entity.type}" already has a subType "${entity.subType}"; subTypes are unique within a type.`,
      { field },
    );
  }
}
