import { addConversationTag } from '../../services/conversations/conversation-tags';
import { protectedProcedure } from '../../trpc/init';
import { conversationTagInput, conversationTagSchema } from './tag.types';

/** Infobip's "add tag to conversation": creates the tag when new; adding it twice changes nothing. */
export const addTag = protectedProcedure
  .input(conversationTagInput)
  .output(conversationTagSchema)
  .mutation(({ ctx, input }) => addConversationTag(ctx, input));
