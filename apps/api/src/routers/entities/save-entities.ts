import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { redetect } from '../../services/detections/redetect';
import type { ServiceContext } from '../../services/service-context';
import type { EntityFields, EntityView } from './entity.types';
import { presentEntity } from './entity.types';
import { assertSubTypeFree } from './find-entity';

/**
 * Creates custom entities all or nothing in one transaction, then detects them in the
 * organization's existing messages (same transaction). `path(i)` prefixes refused fields
 * ("entities.2."); `id` lets Symbl's `POST /v1/manage/entity/{entityId}` choose the id.
 */
export async function createEntities(
  ctx: ServiceContext,
  items: (EntityFields & { id?: string })[],
  path: (index: number) => string,
): Promise<EntityView[]> {
  items.forEach((item, index) => {
    const first = items.findIndex((other) => other.type === item.type && other.subType === item.subType);
    if (first !== index) {
      const field = `${path(index)}subType`;
      throw new DomainError('CONFLICT', `${field}: repeats the type and subType of ${path(first)}.`, {
        field,
      });
    }
  });
  return ctx.prisma.$transaction(async (tx) => {
    const created: EntityView[] = [];
    for (const [index, item] of items.entries()) {
      await assertSubTypeFree(tx, ctx.organizationId, item, `${path(index)}subType`);
      if (item.id !== undefined && (await tx.customEntity.findUnique({ where: { id: item.id } }))) {
        throw new DomainError(
          'CONFLICT',
          `A custom entity with id "${item.id}" already exists; use PUT to change it.`,
          {
            field: 'entityId',
          },
        );
      }
      const row = await tx.customEntity.create({
        data: {
          ...(item.id === undefined ? {} : { id: item.id }),
          organizationId: ctx.organizationId,
          type: item.type,
          subType: item.subType,
          category: 'Custom',
          values: item.values,
        },
      });
      created.push(presentEntity(row));
    }
    await redetect(tx, ctx.organizationId, { entities: created });
    // Audited last: their events take the organization's event lock, held to commit (src/events).
    for (const view of created) await audit(tx, ctx, 'entity.create', view.id, undefined, view);
    return created;
  });
}

export const audit = (
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  action: string,
  entityId: string,
  before: EntityView | undefined,
  after: EntityView | undefined,
) =>
  recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'entity',
    entityId,
    before,
    after,
    requestId: ctx.requestId,
  });
