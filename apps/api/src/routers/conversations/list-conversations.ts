import { listConversations } from '../../services/conversations/list-conversations';
import { protectedProcedure } from '../../trpc/init';
import { conversationsTag } from './conversation.types';
import { listConversationsInput, listConversationsOutput } from './list-conversations.types';

/** Infobip's list with every filter, plus `criteria`; matching and paging run in the database. */
export const listConversationsProcedure = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/conversations',
      tags: conversationsTag,
      protect: true,
      summary: 'List conversations (Infobip filters and RSQL criteria)',
    },
  })
  .input(listConversationsInput)
  .output(listConversationsOutput)
  .query(({ ctx, input }) => listConversations(ctx, input));
