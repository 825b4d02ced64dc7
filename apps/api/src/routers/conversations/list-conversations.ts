import { listConversations } from '../../services/conversations/list-conversations';
import { protectedProcedure } from '../../trpc/init';
import { listConversationsInput, listConversationsOutput } from './list-conversations.types';

/** Infobip's list with every filter, plus `criteria`; matching and paging run in the database. */
export const listConversationsProcedure = protectedProcedure
  .input(listConversationsInput)
  .output(listConversationsOutput)
  .query(({ ctx, input }) => listConversations(ctx, input));
