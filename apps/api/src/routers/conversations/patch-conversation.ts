import { patchConversation as patchConversationService } from '../../services/conversations/update-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, updateConversationInput } from './conversation.types';
import { updateOf } from './update-of';

/** PATCH: only the properties sent change; null clears a nullable one. */
export const patchConversation = protectedProcedure
  .input(updateConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => patchConversationService(ctx, updateOf(input)));
