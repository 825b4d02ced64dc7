import { listMessages as listMessagesService } from '../../services/conversations/list-messages';
import { protectedProcedure } from '../../trpc/init';
import { listMessagesInput, listMessagesOutput } from './message.types';

/**
 * A conversation's messages and notes, oldest first: Infobip's `page` or the `nextCursor` of the
 * previous page. Infobip's REST paths (messages, notes) are the dialect's.
 */
export const listMessages = protectedProcedure
  .input(listMessagesInput)
  .output(listMessagesOutput)
  .query(({ ctx, input }) => listMessagesService(ctx, input));
