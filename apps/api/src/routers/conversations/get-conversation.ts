import { presentConversation } from '../../services/conversations/conversation-view';
import { findConversation } from '../../services/conversations/find-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationSchema, conversationsTag } from './conversation.types';

export const getConversation = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/conversations/{conversationId}',
      summary: 'Get a conversation',
      tags: conversationsTag,
      protect: true,
    },
  })
  .input(conversationIdInput)
  .output(conversationSchema)
  .query(async ({ ctx, input }) =>
    presentConversation(await findConversation(ctx.prisma, ctx.organizationId, input.conversationId)),
  );
