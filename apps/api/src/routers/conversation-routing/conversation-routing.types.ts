import { z } from 'zod';
import { conversationSchema } from '../../services/conversations/conversation-view';
import { routingSummarySchema } from '../../services/routing/routing-view';

/** Optimistic concurrency: when sent, the write happens only if the conversation is still at it. */
export const expectedVersionSchema = z
  .number()
  .int()
  .min(1)
  .optional()
  .describe('Apply only if the conversation is still at this version (409 otherwise).');

/** The conversation after routing (Infobip's answer) plus why it went where it went. */
export const routedConversationSchema = conversationSchema.extend({ routing: routingSummarySchema });
