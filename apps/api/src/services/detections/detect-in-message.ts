import { detectEntities, detectTrackers } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { entityDetectionRows, trackerDetectionRows } from './detection-rows';

/**
 * Finds the organization's trackers and custom entities in one message and stores them as
 * Detection rows, in the caller's transaction (the one that adds the message). Running it again
 * for the same message replaces its detections, so it is safe to repeat.
 */
export async function detectInMessage(
  tx: Prisma.TransactionClient,
  input: { organizationId: string; conversationId: string; message: { id: string; text: string } },
): Promise<void> {
  const { organizationId, conversationId, message } = input;
  const trackers = await tx.tracker.findMany({
    where: { organizationId },
    select: { id: true, name: true, vocabulary: true },
    orderBy: { createdOn: 'asc' },
  });
  const entities = await tx.customEntity.findMany({
    where: { organizationId },
    select: { id: true, type: true, subType: true, values: true },
    orderBy: { createdAt: 'asc' },
  });
  const messages = [{ id: message.id, conversationId, text: message.text }];
  const rows = [
    ...trackerDetectionRows(organizationId, messages, detectTrackers(messages, trackers)),
    ...entityDetectionRows(organizationId, messages, detectEntities(messages, entities)),
  ];
  await tx.detection.deleteMany({ where: { organizationId, messageId: message.id } });
  if (rows.length > 0) await tx.detection.createMany({ data: rows });
}
