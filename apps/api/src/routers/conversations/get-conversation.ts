import { presentConversation } from '../../services/conversations/conversation-view';
import { findConversation } from '../../services/conversations/find-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationSchema } from './conversation.types';

export const getConversation = protectedProcedure
  .input(conversationIdInput)
  .output(conversationSchema)
  .query(async ({ ctx, input }) =>
    presentConversation(await findConversation(ctx.reads, ctx.organizationId, input.conversationId)),
  );
