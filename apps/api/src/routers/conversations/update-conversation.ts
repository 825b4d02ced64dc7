import { replaceConversation } from '../../services/conversations/update-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, updateConversationInput } from './conversation.types';
import { updateOf } from './update-of';

/** Infobip's PUT: a full replacement; properties left out return to their defaults (null, OPEN…). */
export const updateConversation = protectedProcedure
  .input(updateConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => replaceConversation(ctx, updateOf(input)));
