import { z } from 'zod';
import { findRelatedComments } from '../../services/conversations/related-comments';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput } from '../conversations/conversation.types';
import { messageSchema } from './message.types';

export const relatedCommentsOutput = z.object({
  comment: messageSchema.describe("The conversation's inbound comment (its latest)"),
  olderComments: z.array(messageSchema).describe('Up to 50 before it on the same level, oldest first'),
  newerComments: z.array(messageSchema).describe('Up to 50 after it on the same level, oldest first'),
});

/**
 * The social comments around a conversation's inbound comment: the same post and level, in any of
 * the organization's conversations; 404 when the conversation has no inbound comment. Infobip's
 * REST path is the dialect's (../../dialects/infobip/related-comments.ts).
 */
export const relatedComments = protectedProcedure
  .input(conversationIdInput)
  .output(relatedCommentsOutput)
  .query(({ ctx, input }) => findRelatedComments(ctx, input.conversationId));
