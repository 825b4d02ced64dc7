import { z } from 'zod';
import { isoDateSchema, toIso, toIsoOrNull } from '../../routers/shared/schemas';
import { type ConversationRow, metadataOf, tagNamesOf } from './conversation-row';

/**
 * A conversation as every interface shows it: Infobip's fields (topic, summary, status, priority,
 * queueId, agentId, channel, createdAt, updatedAt) plus what Switchboard adds.
 */
export const conversationSchema = z.object({
  id: z.string(),
  topic: z.string().nullable(),
  summary: z.string().nullable(),
  status: z.enum(['OPEN', 'WAITING', 'SOLVED', 'CLOSED']),
  priority: z.enum(['LOW', 'NORMAL', 'HIGH', 'URGENT']),
  queueId: z.string().nullable(),
  agentId: z.string().nullable(),
  channel: z.string(),
  workspaceId: z.string(),
  spaceId: z.string().nullable(),
  tags: z.array(z.string()),
  metadata: z.record(z.string(), z.string()),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
  closedAt: isoDateSchema.nullable(),
  version: z.number().int().min(1),
});
export type ConversationView = z.infer<typeof conversationSchema>;

export const presentConversation = (row: ConversationRow): ConversationView => ({
  id: row.id,
  topic: row.topic,
  summary: row.summary,
  status: row.status,
  priority: row.priority,
  queueId: row.queueId,
  agentId: row.agentId,
  channel: row.channel,
  workspaceId: row.workspaceId,
  spaceId: row.spaceId,
  tags: tagNamesOf(row),
  metadata: metadataOf(row),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
  closedAt: toIsoOrNull(row.closedAt),
  version: row.version,
});
