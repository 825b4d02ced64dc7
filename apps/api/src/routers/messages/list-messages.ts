import { listMessages as listMessagesService } from '../../services/conversations/list-messages';
import { protectedProcedure } from '../../trpc/init';
import { listMessagesInput, listMessagesOutput, messagesTag } from './message.types';

/** A conversation's messages, oldest first: Infobip's `page` or the `nextCursor` of the previous page. */
export const listMessages = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/conversations/{conversationId}/messages',
      summary: "List a conversation's messages",
      tags: messagesTag,
      protect: true,
    },
  })
  .input(listMessagesInput)
  .output(listMessagesOutput)
  .query(({ ctx, input }) => listMessagesService(ctx, input));
