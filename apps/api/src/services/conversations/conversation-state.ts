import type { ConversationState } from '@switchboard/core';
import { type ConversationRow, metadataOf, tagNamesOf } from './conversation-row';

/** The lifecycle view core's rules read (planConversationUpdate, assert*), from a stored row. */
export const stateOf = (row: ConversationRow): ConversationState => ({
  id: row.id,
  topic: row.topic,
  summary: row.summary,
  status: row.status,
  priority: row.priority,
  channel: row.channel,
  queueId: row.queueId,
  agentId: row.agentId,
  metadata: metadataOf(row),
  tags: tagNamesOf(row),
  updatedAt: row.updatedAt,
  closedAt: row.closedAt,
  assignedAt: row.assignedAt,
  version: row.version,
});
