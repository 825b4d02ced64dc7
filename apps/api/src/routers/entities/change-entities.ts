import { DomainError } from '@switchboard/core';
import { deleteDetectionsOf, redetect } from '../../services/detections/redetect';
import type { ServiceContext } from '../../services/service-context';
import { type EntityFields, type EntityView, presentEntity } from './entity.types';
import { assertSubTypeFree, findEntity } from './find-entity';
import { audit } from './save-entities';

/** Symbl's PUT replaces type, subType and values, then re-detects the entity in every message. */
export async function updateEntity(
  ctx: ServiceContext,
  entityId: string,
  fields: EntityFields,
): Promise<EntityView> {
  return ctx.prisma.$transaction(async (tx) => {
    const before = presentEntity(await findEntity(tx, ctx.organizationId, entityId));
    await assertSubTypeFree(tx, ctx.organizationId, fields, 'subType', entityId);
    const after = presentEntity(
      await tx.customEntity.update({
        where: { organizationId_id: { organizationId: ctx.organizationId, id: entityId } },
        data: { type: fields.type, subType: fields.subType, values: fields.values },
      }),
    );
    await redetect(tx, ctx.organizationId, { entities: [after] });
    await audit(tx, ctx, 'entity.update', entityId, before, after);
    return after;
  });
}

/**
 * Deletes entities and what was detected of them: one by id, or every entity with a subType
 * (optionally of one type). Nothing to delete is 404, as for a single id.
 */
export async function deleteEntities(
  ctx: ServiceContext,
  which: { entityId: string } | { subType: string; type?: string | undefined },
): Promise<EntityView[]> {
  return ctx.prisma.$transaction(async (tx) => {
    const rows =
      'entityId' in which
        ? [await findEntity(tx, ctx.organizationId, which.entityId)]
        : await tx.customEntity.findMany({
            where: {
              organizationId: ctx.organizationId,
              subType: which.subType,
              ...(which.type === undefined ? {} : { type: which.type }),
            },
            orderBy: { createdAt: 'asc' },
          });
    if (rows.length === 0) {
      throw new DomainError(
        'NOT_FOUND',
        `No custom entity has subType "${'subType' in which ? which.subType : ''}"`,
        {
          field: 'subType',
        },
      );
    }
    const ids = rows.map((row) => row.id);
    // The entity rows first, as updateEntity locks them first: locking detections first here
    // deadlocked against a concurrent PUT of the same entity (found by the hardening fuzzer).
    await tx.customEntity.deleteMany({ where: { organizationId: ctx.organizationId, id: { in: ids } } });
    await deleteDetectionsOf(tx, ctx.organizationId, ids);
    const deleted = rows.map(presentEntity);
    for (const view of deleted) await audit(tx, ctx, 'entity.delete', view.id, view, undefined);
    return deleted;
  });
}
