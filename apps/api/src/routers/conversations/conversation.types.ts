import { conversationStatuses, priorities } from '@switchboard/core';
import { z } from 'zod';
import { idSchema } from '../shared/schemas';

export { conversationSchema } from '../../services/conversations/conversation-view';

export const conversationsTag = ['Conversations (Infobip)'];

export const statusSchema = z.enum(conversationStatuses);
export const prioritySchema = z.enum(priorities);

export const conversationIdInput = z.object({ conversationId: idSchema });

/** Infobip's conversation properties; lengths and formats are core's rules (400 naming the field). */
export const conversationFields = {
  topic: z.string().nullable().optional(),
  summary: z.string().nullable().optional(),
  status: statusSchema.optional(),
  priority: prioritySchema.optional(),
  channel: z.string().optional(),
  queueId: idSchema.nullable().optional(),
  agentId: idSchema.nullable().optional(),
};

/** Flat string → string map; core checks the limits (100 keys, 128-character keys and values). */
export const metadataSchema = z.record(z.string(), z.string());

/**
 * Optimistic concurrency: the version the caller read. `version` travels in the body;
 * `expectedVersion` carries `If-Match` when the transport provides it. Either mismatch is 409.
 */
export const versionFields = {
  version: z.number().int().min(1).optional().describe('The version you read; 409 if it has changed since.'),
  expectedVersion: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('The If-Match version; 409 if the conversation has changed since.'),
};

export const createConversationInput = z.object({
  ...conversationFields,
  metadata: metadataSchema.optional(),
  tags: z.array(z.string()).optional(),
  workspaceId: idSchema.optional(),
  spaceId: idSchema.nullable().optional(),
  parentConversationId: idSchema
    .optional()
    .describe(
      'Switchboard extension: the conversation this one follows up (one of yours; 404 otherwise). Read the link with GET /ccaas/1/conversations/{conversationId}/links.',
    ),
});

export const updateConversationInput = conversationIdInput.extend({
  ...conversationFields,
  ...versionFields,
});
export type UpdateConversationInput = z.infer<typeof updateConversationInput>;
