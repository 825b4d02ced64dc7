import { z } from 'zod';
import type { ConversationView } from '../../services/conversations/conversation-view';
import type { DetectionMatch } from '../../services/detections/conversation-detections';

/**
 * A conversation as Symbl's Conversation API shows it. Switchboard conversations are chats, so
 * `type` is Symbl's default `"meeting"`, `name` the topic (the id when there is none),
 * `startTime` the creation time, `endTime` the close time (the last change while open), and
 * `members` is empty: participants are not tracked as members.
 */
export const symblConversationSchema = z.object({
  id: z.string(),
  type: z.string(),
  name: z.string(),
  startTime: z.string(),
  endTime: z.string(),
  members: z.array(z.object({ id: z.string().optional(), name: z.string(), email: z.string().optional() })),
  metadata: z.record(z.string(), z.string()),
});

export const toSymblConversation = (
  conversation: ConversationView,
): z.infer<typeof symblConversationSchema> => ({
  id: conversation.id,
  type: 'meeting',
  name: conversation.topic ?? conversation.id,
  startTime: conversation.createdAt,
  endTime: conversation.closedAt ?? conversation.updatedAt,
  members: [],
  metadata: conversation.metadata,
});

export const symblConversationsSchema = z.object({ conversations: z.array(symblConversationSchema) });

const messageRefSchema = z.object({
  id: z.string(),
  text: z.string(),
  offset: z.number().int().nonnegative(),
});
const messageRef = (match: DetectionMatch) => ({
  id: match.messageId,
  text: match.messageText,
  offset: match.start,
});

/** `GET /v1/conversations/{id}/trackers-detected`: a JSON array, one item per tracker. */
export const trackersDetectedSchema = z.array(
  z.object({
    id: z.string(),
    name: z.string(),
    matches: z.array(
      z.object({
        type: z.literal('vocabulary'),
        value: z.string(),
        messageRefs: z.array(messageRefSchema),
        insightRefs: z.array(z.never()),
      }),
    ),
  }),
);

/**
 * Symbl groups a tracker's matches by the vocabulary value matched; every match here is an exact
 * one, so its offset is where it starts in the message. Switchboard has no insights.
 */
export function toTrackersDetected(output: {
  trackers: { id: string; name: string; matches: DetectionMatch[] }[];
}): z.infer<typeof trackersDetectedSchema> {
  return output.trackers.map((tracker) => ({
    id: tracker.id,
    name: tracker.name,
    matches: byValue(tracker.matches).map(([value, matches]) => ({
      type: 'vocabulary' as const,
      value,
      messageRefs: matches.map(messageRef),
      insightRefs: [],
    })),
  }));
}

/** `GET /v1/conversations/{id}/entities`, as the Go SDK reads it: matches per detected value. */
export const entitiesDetectedSchema = z.object({
  entities: z.array(
    z.object({
      type: z.string(),
      subType: z.string(),
      category: z.string(),
      matches: z.array(
        z.object({
          detectedValue: z.string(),
          messageRefs: z.array(messageRefSchema.extend({ startTime: z.string(), endTime: z.string() })),
        }),
      ),
    }),
  ),
});

export function toEntitiesDetected(output: {
  entities: { type: string; subType: string; category: string; matches: DetectionMatch[] }[];
}): z.infer<typeof entitiesDetectedSchema> {
  return {
    entities: output.entities.map((entity) => ({
      type: entity.type,
      subType: entity.subType,
      category: entity.category,
      matches: byValue(entity.matches).map(([detectedValue, matches]) => ({
        detectedValue,
        messageRefs: matches.map((match) => ({
          ...messageRef(match),
          startTime: match.messageAt,
          endTime: match.messageAt,
        })),
      })),
    })),
  };
}

/** Matches grouped by the text matched, case-insensitively, in order of first mention. */
function byValue(matches: DetectionMatch[]): [string, DetectionMatch[]][] {
  const groups = new Map<string, [string, DetectionMatch[]]>();
  for (const match of matches) {
    const key = match.value.toLowerCase();
    const group = groups.get(key) ?? [match.value, []];
    group[1].push(match);
    groups.set(key, group);
  }
  return [...groups.values()];
}
