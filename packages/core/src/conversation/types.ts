export const conversationStatuses = ['OPEN', 'WAITING', 'SOLVED', 'CLOSED'] as const;
export type ConversationStatus = (typeof conversationStatuses)[number];

/** In business order: comparisons on priority use the index in this list. */
export const priorities = ['LOW', 'NORMAL', 'HIGH', 'URGENT'] as const;
export type Priority = (typeof priorities)[number];

export const knownChannels = [
  'NO_CHANNEL',
  'SMS',
  'WHATSAPP',
  'VIBER',
  'FACEBOOK_MESSENGER',
  'EMAIL',
  'LIVE_CHAT',
  'UNKNOWN',
  'MULTICHANNEL',
] as const;

/**
 * Everything criteria can look at, as plain data. The API builds it from a database row plus
 * its tag names and detected tracker / entity names; routing and previews evaluate it in memory.
 */
export interface ConversationFacts {
  id: string;
  topic: string | null;
  summary: string | null;
  status: ConversationStatus;
  priority: Priority;
  channel: string;
  queueId: string | null;
  agentId: string | null;
  workspaceId: string;
  spaceId: string | null;
  createdAt: Date;
  updatedAt: Date;
  closedAt: Date | null;
  metadata: Record<string, string>;
  tags: string[];
  /** Names of trackers detected in the conversation's messages. */
  trackers: string[];
  /** Detected custom entities, by subType (and type, as `type/subType` is not required). */
  entities: string[];
}
