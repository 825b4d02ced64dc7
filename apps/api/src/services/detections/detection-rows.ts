import type { EntityMatch, TrackerMatch } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A message as detection reads it, with the conversation its detections belong to. */
export interface DetectableMessage {
  id: string;
  conversationId: string;
  text: string;
}

type DetectionRow = Prisma.DetectionCreateManyInput;

/** Tracker matches as Detection rows: name is the tracker's name, value the text as written. */
export function trackerDetectionRows(
  organizationId: string,
  messages: readonly DetectableMessage[],
  matches: readonly TrackerMatch[],
): DetectionRow[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  return matches.flatMap((match) => {
    const message = byId.get(match.messageId);
    if (!message) return [];
    return [
      {
        organizationId,
        conversationId: message.conversationId,
        messageId: message.id,
        kind: 'TRACKER' as const,
        refId: match.trackerId,
        name: match.name,
        value: message.text.slice(match.start, match.end),
        start: match.start,
        end: match.end,
      },
    ];
  });
}

/** Entity matches as Detection rows: name is the entity's subType (what `entities==x` compares). */
export function entityDetectionRows(
  organizationId: string,
  messages: readonly DetectableMessage[],
  matches: readonly EntityMatch[],
): DetectionRow[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  return matches.flatMap((match) => {
    const message = byId.get(match.messageId);
    if (!message) return [];
    return [
      {
        organizationId,
        conversationId: message.conversationId,
        messageId: message.id,
        kind: 'ENTITY' as const,
        refId: match.entityId,
        name: match.subType,
        value: match.value,
        start: match.start,
        end: match.end,
      },
    ];
  });
}
