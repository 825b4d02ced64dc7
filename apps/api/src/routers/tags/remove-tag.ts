import { z } from 'zod';
import { removeConversationTag } from '../../services/conversations/conversation-tags';
import { protectedProcedure } from '../../trpc/init';
import { conversationTagInput } from './tag.types';

/** Takes the tag off the conversation; neither the tag nor the conversation is deleted. */
export const removeTag = protectedProcedure
  .input(conversationTagInput)
  .output(z.object({ name: z.string(), deleted: z.literal(true) }))
  .mutation(({ ctx, input }) => removeConversationTag(ctx, input));
