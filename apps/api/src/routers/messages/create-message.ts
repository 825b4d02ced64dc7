import { addMessage } from '../../services/conversations/messages';
import { protectedProcedure } from '../../trpc/init';
import { createMessageInput, messageSchema } from './message.types';

/**
 * Stores a message (trackers and entities are detected in its text); 409 on a CLOSED
 * conversation. Infobip's REST path is the dialect's (../../dialects/infobip).
 */
export const createMessage = protectedProcedure
  .input(createMessageInput)
  .output(messageSchema)
  .mutation(({ ctx, input }) => addMessage(ctx, input));
