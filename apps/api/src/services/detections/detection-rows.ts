import type { EntityMatch, TrackerMatch } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';

/** A message as detection reads it, with the conversation its detections belong to. */
export interface DetectableMessage {
  id: string;
  conversationId: string;
  text: string;
}

type DetectionRow = Prisma.DetectionCreateManyInput;

/** What a match contributes to its Detection row; the message supplies the rest. */
interface MatchFields {
  messageId: string;
  refId: string;
  name: string;
  /** The matched text; absent means "as written in the message" (start to end). */
  value?: string;
  start: number;
  end: number;
}

function detectionRows(
  organizationId: string,
  kind: 'TRACKER' | 'ENTITY',
  messages: readonly DetectableMessage[],
  matches: readonly MatchFields[],
): DetectionRow[] {
  const byId = new Map(messages.map((message) => [message.id, message]));
  return matches.flatMap((match) => {
    const message = byId.get(match.messageId);
    if (!message) return [];
    const value = match.value ?? message.text.slice(match.start, match.end);
    return [{ organizationId, conversationId: message.conversationId, kind, ...match, value }];
  });
}

/** Tracker matches as Detection rows: name is the tracker's name, value the text as written. */
export const trackerDetectionRows = (
  organizationId: string,
  messages: readonly DetectableMessage[],
  matches: readonly TrackerMatch[],
): DetectionRow[] =>
  detectionRows(
    organizationId,
    'TRACKER',
    messages,
    matches.map(({ messageId, trackerId, name, start, end }) => ({
      messageId,
      refId: trackerId,
      name,
      start,
      end,
    })),
  );

/** Entity matches as Detection rows: name is the entity's subType (what `entities==x` compares). */
export const entityDetectionRows = (
  organizationId: string,
  messages: readonly DetectableMessage[],
  matches: readonly EntityMatch[],
): DetectionRow[] =>
  detectionRows(
    organizationId,
    'ENTITY',
    messages,
    matches.map(({ messageId, entityId, subType, value, start, end }) => ({
      messageId,
      refId: entityId,
      name: subType,
      value,
      start,
      end,
    })),
  );
