import { z } from 'zod';
import { conversationSchema } from '../../services/conversations/conversation-view';
import { idSchema } from '../shared/schemas';
import { prioritySchema, statusSchema } from './conversation.types';

const instantText = z.string().max(64).optional().describe('ISO-8601, e.g. 2025-04-24T11:25:41.058+0000');
const idList = z.array(idSchema).max(100, 'at most 100 ids').optional();

/**
 * Infobip's list parameters. Lists arrive over REST as `queueIds=a,b` or repeated parameters.
 * `limit` above the organization's maximum page size is served at that maximum, not refused.
 */
export const listConversationsInput = z.object({
  limit: z
    .number()
    .int()
    .min(1)
    .optional()
    .describe('Page size; default 10, capped at the maximum page size.'),
  page: z.number().int().min(0).max(1_000_000).optional().describe('0-based page number.'),
  orderBy: z
    .string()
    .max(64)
    .optional()
    .describe('createdAt|updatedAt with :asc or :desc; default createdAt:asc.'),
  status: z.array(statusSchema).max(4).optional(),
  priority: z.array(prioritySchema).max(4).optional(),
  agentId: idSchema.optional(),
  queueIds: idList,
  conversationIds: idList,
  createdAfter: instantText,
  createdBefore: instantText,
  updatedAfter: instantText,
  updatedBefore: instantText,
  criteria: z.string().optional().describe('RSQL criteria, e.g. tags==vip;priority>=HIGH'),
});

export const listConversationsOutput = z.object({
  conversations: z.array(conversationSchema),
  pagination: z.object({
    totalItems: z.number().int().nonnegative(),
    page: z.number().int().nonnegative(),
    limit: z.number().int().nonnegative(),
    orderBy: z.string(),
  }),
});
