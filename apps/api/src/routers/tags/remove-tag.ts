import { z } from 'zod';
import { removeConversationTag } from '../../services/conversations/conversation-tags';
import { protectedProcedure } from '../../trpc/init';
import { conversationTagInput, tagsTag } from './tag.types';

/** Takes the tag off the conversation; neither the tag nor the conversation is deleted. */
export const removeTag = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/ccaas/1/conversations/{conversationId}/tags/{tagName}',
      tags: tagsTag,
      protect: true,
      summary: 'Remove a tag from a conversation (the tag itself stays)',
    },
  })
  .input(conversationTagInput)
  .output(z.object({ name: z.string(), deleted: z.literal(true) }))
  .mutation(({ ctx, input }) => removeConversationTag(ctx, input));
