import { DomainError, validateTagName } from '@switchboard/core';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../service-context';

export interface TagView {
  id: string;
  name: string;
  createdAt: string;
  /** Tags are never edited: the time it was created. */
  updatedAt: string;
}

/**
 * Creates a tag of the organization, carried by no conversation yet (Infobip's `POST /tags`).
 * A name already in use is 400, as Infobip documents no 409 for this operation.
 */
export function createOrganizationTag(ctx: ServiceContext, input: { name: string }): Promise<TagView> {
  const name = validateTagName(input.name, 'name');
  const { organizationId } = ctx;
  return ctx.prisma.$transaction(async (tx) => {
    const existing = await tx.tag.findFirst({ where: { organizationId, name } });
    if (existing) {
      throw new DomainError(
        'VALIDATION',
        `Tag "${name}" already exists; tag conversations with it directly.`,
        {
          field: 'name',
        },
      );
    }
    const tag = await tx.tag.create({ data: { organizationId, name } });
    const createdAt = tag.createdAt.toISOString();
    const view = { id: tag.id, name, createdAt, updatedAt: createdAt };
    await recordAudit(tx, {
      organizationId,
      actor: ctx.actor,
      action: 'tag.create',
      entityType: 'tag',
      entityId: tag.id,
      after: view,
      requestId: ctx.requestId,
    });
    return view;
  });
}
