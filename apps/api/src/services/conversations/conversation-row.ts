import type { ConversationFacts, ConversationStatus, Priority } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** What every conversation read includes: the row plus its tag names. */
export const conversationInclude = {
  tags: { select: { tag: { select: { name: true } } }, orderBy: { createdAt: 'asc' } },
} satisfies Prisma.ConversationInclude;

export type ConversationRow = Prisma.ConversationGetPayload<{ include: typeof conversationInclude }>;

export const tagNamesOf = (row: ConversationRow): string[] => row.tags.map((link) => link.tag.name);

/** Metadata is stored as a JSON object of strings; anything else in it is ignored. */
export function metadataOf(row: { metadata: Prisma.JsonValue }): Record<string, string> {
  const value = row.metadata;
  if (!value || typeof value !== 'object' || Array.isArray(value)) return {};
  return Object.fromEntries(
    Object.entries(value).filter((entry): entry is [string, string] => typeof entry[1] === 'string'),
  );
}

/** The plain facts criteria evaluate in memory (routing, previews), from a row and its detections. */
export function factsOf(
  row: ConversationRow,
  detections: { trackers: string[]; entities: string[] } = { trackers: [], entities: [] },
): ConversationFacts {
  return {
    id: row.id,
    topic: row.topic,
    summary: row.summary,
    status: row.status as ConversationStatus,
    priority: row.priority as Priority,
    channel: row.channel,
    queueId: row.queueId,
    agentId: row.agentId,
    workspaceId: row.workspaceId,
    spaceId: row.spaceId,
    createdAt: row.createdAt,
    updatedAt: row.updatedAt,
    closedAt: row.closedAt,
    metadata: metadataOf(row),
    tags: tagNamesOf(row),
    trackers: detections.trackers,
    entities: detections.entities,
  };
}

/** Facts of one conversation including its detected tracker and entity names. */
export async function loadFacts(
  tx: Prisma.TransactionClient,
  row: ConversationRow,
): Promise<ConversationFacts> {
  const detections = await tx.detection.findMany({
    where: { conversationId: row.id, organizationId: row.organizationId },
    select: { kind: true, name: true },
    distinct: ['kind', 'name'],
  });
  return factsOf(row, {
    trackers: detections.filter((d) => d.kind === 'TRACKER').map((d) => d.name),
    entities: detections.filter((d) => d.kind === 'ENTITY').map((d) => d.name),
  });
}
