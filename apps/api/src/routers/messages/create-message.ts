import { addMessage } from '../../services/conversations/messages';
import { protectedProcedure } from '../../trpc/init';
import { createMessageInput, messageSchema, messagesTag } from './message.types';

/** Adds a message (trackers and entities are detected in it); 409 on a CLOSED conversation. */
export const createMessage = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/ccaas/1/conversations/{conversationId}/messages',
      tags: messagesTag,
      protect: true,
      summary: 'Add a message to a conversation',
    },
  })
  .input(createMessageInput)
  .output(messageSchema)
  .mutation(({ ctx, input }) => addMessage(ctx, input));
