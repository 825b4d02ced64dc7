import { z } from 'zod';
import { conversationSchema } from '../../services/conversations/conversation-view';
import { pageInput, paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { prioritySchema, statusSchema } from './conversation.types';

const instantText = z.string().max(64).optional().describe('ISO-8601, e.g. 2025-04-24T11:25:41.058+0000');
const idList = z.array(idSchema).max(100, 'at most 100 ids').optional();

/**
 * Infobip's list parameters. Lists arrive over REST as `queueIds=a,b` or repeated parameters.
 * Paged as every page-numbered list (default 10, by createdAt:asc; orderBy id, createdAt or
 * updatedAt).
 */
export const listConversationsInput = pageInput.extend({
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
  pagination: paginationSchema,
});
