import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import type { ServiceContext } from '../service-context';
import { findGroup } from './find-group';
import { type CheckedGroupFields, checkGroupFields, type GroupFields } from './group-fields';
import { type GroupView, presentGroup } from './group-view';

/**
 * Creates groups all or nothing, in one transaction: every item is checked first (a refusal
 * names `<path(i)>field`), names must be new in the organization and distinct in the request.
 * `path` is "" for a single group and `groups.<i>.` for Symbl's bulk endpoint.
 */
export async function createGroups(
  ctx: ServiceContext,
  items: GroupFields[],
  path: (index: number) => string,
): Promise<GroupView[]> {
  const checked = items.map((item, index) => checkGroupFields(item, path(index)));
  checked.forEach((group, index) => {
    const first = checked.findIndex((other) => other.name === group.name);
    if (first !== index) {
      const field = `${path(index)}name`;
      throw conflict(
        field,
        `${field}: "${group.name}" is also the name of ${path(first)}name; names must differ.`,
      );
    }
  });
  return ctx.prisma.$transaction(async (tx) => {
    const taken = await tx.conversationGroup.findFirst({
      where: { organizationId: ctx.organizationId, name: { in: checked.map((group) => group.name) } },
      select: { name: true },
    });
    if (taken) {
      const index = checked.findIndex((group) => group.name === taken.name);
      throw nameTaken(taken.name, `${path(index)}name`);
    }
    const created: GroupView[] = [];
    for (const group of checked) {
      created.push(
        presentGroup(
          await tx.conversationGroup.create({
            // Relative instants in its criteria are settled from now on (jobs/group-time-sweep.ts).
            data: { organizationId: ctx.organizationId, ...group, sweptThrough: new Date() },
          }),
        ),
      );
    }
    // Audited last: their events take the organization's event lock, held to commit (src/events).
    for (const view of created) await audit(tx, ctx, 'group.create', view.id, undefined, view);
    return created;
  });
}

/** Symbl's PUT: the group's name, description and criteria are replaced (no description clears it). */
export async function updateGroup(
  ctx: ServiceContext,
  groupId: string,
  fields: GroupFields,
): Promise<GroupView> {
  const checked: CheckedGroupFields = checkGroupFields(fields);
  return ctx.prisma.$transaction(async (tx) => {
    const before = presentGroup(await findGroup(tx, ctx.organizationId, groupId));
    // New criteria start their time window now: group.updated tells subscribers to read the
    // members again, so nothing that flipped under the old criteria is announced.
    const restart =
      before.criteria === checked.criteria
        ? {}
        : { sweptThrough: new Date(), sweepingTo: null, sweepCursor: null };
    const clash = await tx.conversationGroup.findFirst({
      where: { organizationId: ctx.organizationId, name: checked.name, id: { not: groupId } },
      select: { id: true },
    });
    if (clash) throw nameTaken(checked.name, 'name');
    const after = presentGroup(
      await tx.conversationGroup.update({ where: { id: groupId }, data: { ...checked, ...restart } }),
    );
    await audit(tx, ctx, 'group.update', groupId, before, after);
    return after;
  });
}

export async function deleteGroup(ctx: ServiceContext, groupId: string): Promise<void> {
  await ctx.prisma.$transaction(async (tx) => {
    const before = presentGroup(await findGroup(tx, ctx.organizationId, groupId));
    await tx.conversationGroup.delete({ where: { id: groupId } });
    await audit(tx, ctx, 'group.delete', groupId, before, undefined);
  });
}

const conflict = (field: string, message: string) => new DomainError('CONFLICT', message, { field });
const nameTaken = (name: string, field: string) =>
  conflict(
    field,
    `${field}: a group named "${name}" already exists; group names are unique in an organization.`,
  );

const audit = (
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  action: string,
  entityId: string,
  before: GroupView | undefined,
  after: GroupView | undefined,
) =>
  recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'group',
    entityId,
    before,
    after,
    requestId: ctx.requestId,
  });
