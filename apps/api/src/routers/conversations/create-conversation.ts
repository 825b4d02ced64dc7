import { createConversation } from '../../services/conversations/create-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, createConversationInput } from './conversation.types';

/** Infobip's create: every property optional; OPEN / NORMAL / NO_CHANNEL by default. */
export const createConversationProcedure = protectedProcedure
  .input(createConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => createConversation(ctx, input));
