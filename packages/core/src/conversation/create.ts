import { normalizePatch } from './fields';
import type { ConversationPatch, ConversationState } from './state';

export type ConversationCreateInput = ConversationPatch;

/** A new conversation's lifecycle fields; the database adds id and timestamps. */
export type ConversationDraft = Omit<ConversationState, 'id' | 'updatedAt'>;

/** Infobip's defaults: a conversation starts OPEN, NORMAL priority, on NO_CHANNEL. */
export const conversationDefaults = {
  status: 'OPEN',
  priority: 'NORMAL',
  channel: 'NO_CHANNEL',
} as const;

/**
 * Validates a creation request and fills the defaults. `now` stamps closedAt (a conversation
 * imported as CLOSED) and assignedAt (created with an agent); core never reads the clock itself.
 */
export const planConversationCreate = (input: ConversationCreateInput, now: Date): ConversationDraft => {
  const fields = normalizePatch(input);
  const status = fields.status ?? conversationDefaults.status;
  const agentId = fields.agentId ?? null;
  return {
    topic: fields.topic ?? null,
    summary: fields.summary ?? null,
    status,
    priority: fields.priority ?? conversationDefaults.priority,
    channel: fields.channel ?? conversationDefaults.channel,
    queueId: fields.queueId ?? null,
    agentId,
    metadata: fields.metadata ?? {},
    tags: fields.tags ?? [],
    closedAt: status === 'CLOSED' ? now : null,
    assignedAt: agentId === null ? null : now,
    version: 1,
  };
};
