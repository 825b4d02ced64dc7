import { createConversation } from '../../services/conversations/create-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema, conversationsTag, createConversationInput } from './conversation.types';

/** Infobip's create: every property optional; OPEN / NORMAL / NO_CHANNEL by default. */
export const createConversationProcedure = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/ccaas/1/conversations',
      tags: conversationsTag,
      protect: true,
      summary: 'Create a conversation (routed automatically when settings say so)',
    },
  })
  .input(createConversationInput)
  .output(conversationSchema)
  .mutation(({ ctx, input }) => createConversation(ctx, input));
