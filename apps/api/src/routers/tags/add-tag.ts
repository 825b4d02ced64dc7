import { addConversationTag } from '../../services/conversations/conversation-tags';
import { protectedProcedure } from '../../trpc/init';
import { conversationTagInput, conversationTagSchema, tagsTag } from './tag.types';

/** Infobip's "add tag to conversation": creates the tag when new; adding it twice changes nothing. */
export const addTag = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/ccaas/1/conversations/{conversationId}/tags',
      tags: tagsTag,
      protect: true,
      summary: 'Tag a conversation (allowed on CLOSED conversations)',
    },
  })
  .input(conversationTagInput)
  .output(conversationTagSchema)
  .mutation(({ ctx, input }) => addConversationTag(ctx, input));
