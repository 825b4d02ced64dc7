import {
  type CustomEntityDefinition,
  detectEntities,
  detectTrackers,
  type TrackerDefinition,
} from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { type DetectableMessage, entityDetectionRows, trackerDetectionRows } from './detection-rows';

/** Messages read per round trip while re-detecting: bounded memory whatever the history size. */
export const redetectBatchSize = 500;

export interface Definitions {
  trackers?: readonly TrackerDefinition[];
  entities?: readonly CustomEntityDefinition[];
}

/**
 * Re-detects the given trackers and entities over every message of the organization, in the
 * caller's transaction (the one that created or changed them), so criteria such as
 * `trackers==Pricing` are right as soon as the change commits. Their old detections are dropped
 * first. Messages are read in keyset pages of `redetectBatchSize` on (createdAt, id), served by
 * the (organizationId, createdAt) index; one pass serves a whole bulk request. The cost grows
 * with the organization's message history: the price of never answering from stale detections.
 */
export async function redetect(
  tx: Prisma.TransactionClient,
  organizationId: string,
  definitions: Definitions,
): Promise<void> {
  const trackers = definitions.trackers ?? [];
  const entities = definitions.entities ?? [];
  await deleteDetectionsOf(
    tx,
    organizationId,
    [...trackers, ...entities].map((definition) => definition.id),
  );
  if (trackers.length === 0 && entities.length === 0) return;
  let after: { id: string; createdAt: Date } | undefined;
  for (;;) {
    const page = await tx.message.findMany({
      where: {
        organizationId,
        ...(after
          ? {
              OR: [
                { createdAt: { gt: after.createdAt } },
                { createdAt: after.createdAt, id: { gt: after.id } },
              ],
            }
          : {}),
      },
      select: { id: true, conversationId: true, text: true, createdAt: true },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: redetectBatchSize,
    });
    const rows = [
      ...trackerDetectionRows(organizationId, page, trackers.length ? detectTrackers(page, trackers) : []),
      ...entityDetectionRows(organizationId, page, entities.length ? detectEntities(page, entities) : []),
    ];
    if (rows.length > 0) await tx.detection.createMany({ data: rows });
    if (page.length < redetectBatchSize) return;
    after = page.at(-1);
  }
}

/** Deleting a tracker or entity deletes what was detected of it. */
export async function deleteDetectionsOf(
  tx: Prisma.TransactionClient,
  organizationId: string,
  refIds: string[],
): Promise<void> {
  if (refIds.length === 0) return;
  await tx.detection.deleteMany({ where: { organizationId, refId: { in: refIds } } });
}

export type { DetectableMessage };
