import { z } from 'zod';
import { conversationSchema } from '../../services/conversations/conversation-view';
import { idSchema } from '../shared/schemas';
import { prioritySchema, statusSchema } from './conversation.types';

const instantText = z.string().max(64).optional().describe('ISO-8601, e.g. 2025-04-24T11:25:41.058+0000');
const idList = z.array(idSchema).max(100, 'at most 100 ids').optional();

/**
 * Infobip's list parameters. Lists arrive over REST as `queueIds=a,b` or repeated parameters.
 * `limit` goes up to Infobip's documented 999; more is refused (never silently cut).
 */
export const listConversationsInput = z.object({
  limit: z
    .number()
    .int()
    .min(0)
    .max(999, "must be at most 999 (Infobip's largest page)")
    .optional()
    .describe('Page size; default 10, at most 999.'),
  page: z.number().int().min(0).max(1_000_000).optional().describe('0-based page number.'),
  orderBy: z
    .string()
    .max(64)
    .optional()
    .describe('id, createdAt or updatedAt with :asc or :desc (any case); default createdAt:asc.'),
  status: z.array(statusSchema).max(4).optional(),
  priority: z.array(prioritySchema).max(4).optional(),
  agentId: idSchema.optional(),
  queueIds: idList,
  conversationIds: idList,
  createdAfter: instantText,
  createdBefore: instantText,
  updatedAfter: instantText,
  updatedBefore: instantText,
  closedAfter: instantText,
  closedBefore: instantText,
  tagNames: z.array(z.string().max(1000)).max(100, 'at most 100 tag names').optional(),
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
