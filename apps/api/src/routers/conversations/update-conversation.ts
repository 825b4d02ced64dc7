import { replaceConversation } from '../../services/conversations/update-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, conversationsTag, updateConversationInput } from './conversation.types';
import { updateOf } from './update-of';

/** Infobip's PUT: a full replacement; properties left out return to their defaults (null, OPEN…). */
export const updateConversation = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/ccaas/1/conversations/{conversationId}',
      tags: conversationsTag,
      protect: true,
      summary: 'Replace a conversation (absent properties reset); 409 when CLOSED or on a version mismatch',
    },
  })
  .input(updateConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => replaceConversation(ctx, updateOf(input)));
