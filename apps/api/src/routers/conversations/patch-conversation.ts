import { patchConversation as patchConversationService } from '../../services/conversations/update-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, conversationsTag, updateConversationInput } from './conversation.types';
import { updateOf } from './update-of';

/** PATCH: only the properties sent change; null clears a nullable one. */
export const patchConversation = protectedProcedure
  .meta({
    openapi: {
      method: 'PATCH',
      path: '/ccaas/1/conversations/{conversationId}',
      tags: conversationsTag,
      protect: true,
      summary: 'Change some properties of a conversation; 409 when CLOSED or on a version mismatch',
    },
  })
  .input(updateConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => patchConversationService(ctx, updateOf(input)));
