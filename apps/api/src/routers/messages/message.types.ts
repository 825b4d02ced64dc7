import { z } from 'zod';
import { idSchema, isoDateSchema } from '../shared/schemas';

export const messagesTag = ['Messages (Infobip)'];

export const messageSchema = z.object({
  id: z.string(),
  conversationId: z.string(),
  from: z.string(),
  text: z.string(),
  direction: z.enum(['IN', 'OUT']),
  internal: z.boolean().describe('An internal note: never sent to the customer'),
  createdAt: isoDateSchema,
});

export const messageTextSchema = z
  .string()
  .min(1, 'must not be empty')
  .max(20_000, 'must be at most 20000 characters');

export const createMessageInput = z.object({
  conversationId: idSchema,
  from: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  text: messageTextSchema,
  direction: z.enum(['IN', 'OUT']).optional().describe('IN (from the customer, default) or OUT'),
  internal: z
    .boolean()
    .optional()
    .describe('An internal note for the team (default false): never sent to the customer'),
});

export const listMessagesInput = z.object({
  conversationId: idSchema,
  limit: z.number().int().min(1).optional().describe('Default 10, capped at the maximum page size.'),
  page: z.number().int().min(0).max(1_000_000).optional().describe('0-based page (Infobip).'),
  cursor: z
    .string()
    .min(1)
    .max(128)
    .optional()
    .describe('nextCursor of the previous page (instead of page).'),
});

export const listMessagesOutput = z.object({
  messages: z.array(messageSchema),
  pagination: z.object({
    totalItems: z.number().int().nonnegative(),
    page: z.number().int().nonnegative(),
    limit: z.number().int().nonnegative(),
    orderBy: z.string(),
  }),
  nextCursor: z.string().nullable(),
});
