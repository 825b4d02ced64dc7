import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { deleteDetectionsOf, redetect } from '../../services/detections/redetect';
import type { ServiceContext } from '../../services/service-context';
import { assertTrackerNameFree, findTracker } from './find-tracker';
import { presentTracker, type TrackerFields, type TrackerView } from './tracker.types';

const columns = (fields: TrackerFields) => ({
  name: fields.name,
  description: fields.description ?? null,
  categories: fields.categories ?? [],
  languages: fields.languages ?? [],
  vocabulary: fields.vocabulary,
});

/**
 * Creates trackers all or nothing in one transaction and detects them in the organization's
 * existing messages (same transaction). `path(i)` prefixes refused fields ("trackers.2.").
 */
export async function createTrackers(
  ctx: ServiceContext,
  items: TrackerFields[],
  path: (index: number) => string,
): Promise<TrackerView[]> {
  items.forEach((item, index) => {
    const first = items.findIndex((other) => other.name === item.name);
    if (first !== index) {
      const field = `${path(index)}name`;
      throw new DomainError('CONFLICT', `${field}: repeats the name of ${path(first)}name.`, { field });
    }
  });
  return ctx.prisma.$transaction(async (tx) => {
    const created: TrackerView[] = [];
    for (const [index, item] of items.entries()) {
      await assertTrackerNameFree(tx, ctx.organizationId, item.name, `${path(index)}name`);
      created.push(
        presentTracker(
          await tx.tracker.create({ data: { organizationId: ctx.organizationId, ...columns(item) } }),
        ),
      );
    }
    await redetect(tx, ctx.organizationId, { trackers: created });
    // Audited last: their events take the organization's event lock, held to commit (src/events).
    for (const view of created) await audit(tx, ctx, 'tracker.create', view.id, undefined, view);
    return created;
  });
}

/**
 * Symbl's PUT replaces the tracker (omitted description, categories and languages are cleared),
 * then re-detects it in every message, since its name and vocabulary may have changed.
 */
export async function updateTracker(ctx: ServiceContext, trackerId: string, fields: TrackerFields) {
  return ctx.prisma.$transaction(async (tx) => {
    const before = presentTracker(await findTracker(tx, ctx.organizationId, trackerId));
    await assertTrackerNameFree(tx, ctx.organizationId, fields.name, 'name', trackerId);
    const after = presentTracker(
      await tx.tracker.update({ where: { id: trackerId }, data: columns(fields) }),
    );
    await redetect(tx, ctx.organizationId, { trackers: [after] });
    await audit(tx, ctx, 'tracker.update', trackerId, before, after);
    return after;
  });
}

/** Deletes the tracker and what was detected of it. */
export async function deleteTracker(ctx: ServiceContext, trackerId: string): Promise<void> {
  await ctx.prisma.$transaction(async (tx) => {
    const before = presentTracker(await findTracker(tx, ctx.organizationId, trackerId));
    // The tracker row first, as updateTracker locks it first (the other order can deadlock).
    await tx.tracker.delete({ where: { id: trackerId } });
    await deleteDetectionsOf(tx, ctx.organizationId, [trackerId]);
    await audit(tx, ctx, 'tracker.delete', trackerId, before, undefined);
  });
}

const audit = (
  tx: Prisma.TransactionClient,
  ctx: ServiceContext,
  action: string,
  entityId: string,
  before: TrackerView | undefined,
  after: TrackerView | undefined,
) =>
  recordAudit(tx, {
    organizationId: ctx.organizationId,
    actor: ctx.actor,
    action,
    entityType: 'tracker',
    entityId,
    before,
    after,
    requestId: ctx.requestId,
  });
