import { z } from 'zod';
import { findMessage } from '../../services/conversations/find-message';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { messageSchema } from './message.types';

/** One message or note of a conversation (404 when it is not that conversation's). */
export const getMessage = protectedProcedure
  .input(z.object({ conversationId: idSchema, messageId: idSchema, internal: z.boolean().optional() }))
  .output(messageSchema)
  .query(({ ctx, input }) => findMessage(ctx, input));
