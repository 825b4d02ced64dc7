import type { ConversationStatus, Priority } from './types';

/**
 * The part of a stored conversation the lifecycle rules read and write. A database row with its
 * tag names satisfies it structurally; extra columns are ignored.
 */
export interface ConversationState {
  id: string;
  topic: string | null;
  summary: string | null;
  status: ConversationStatus;
  priority: Priority;
  channel: string;
  queueId: string | null;
  agentId: string | null;
  metadata: Record<string, string>;
  tags: string[];
  updatedAt: Date;
  closedAt: Date | null;
  /** When the current agent was assigned; null while unassigned. Round robin orders by it. */
  assignedAt: Date | null;
  version: number;
}

/**
 * A requested change. Absent (or undefined) keys are left alone; `null` clears a nullable field.
 * `metadata` and `tags` replace the whole map / list: the API merges PATCH bodies before calling.
 */
export interface ConversationPatch {
  topic?: string | null;
  summary?: string | null;
  status?: ConversationStatus;
  priority?: Priority;
  channel?: string;
  queueId?: string | null;
  agentId?: string | null;
  metadata?: Record<string, string>;
  tags?: string[];
}

export type ConversationPatchField = keyof ConversationPatch;

export const conversationPatchFields = [
  'topic',
  'summary',
  'status',
  'priority',
  'channel',
  'queueId',
  'agentId',
  'metadata',
  'tags',
] as const satisfies readonly ConversationPatchField[];
