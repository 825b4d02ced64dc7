import { z } from 'zod';
import { setConversationStatus } from '../../services/conversations/update-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationSchema, statusSchema } from './conversation.types';

/** tRPC convenience for status changes (Slack `/conv close`, `/conv status`); same rules as PATCH. */
export const setStatus = protectedProcedure
  .input(conversationIdInput.extend({ status: statusSchema, version: z.number().int().min(1).optional() }))
  .output(conversationSchema)
  .mutation(({ ctx, input }) => setConversationStatus(ctx, input));
