import { z } from 'zod';
import { deleteConversation as deleteConversationService } from '../../services/conversations/delete-conversation';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput } from './conversation.types';

/** Deletes a conversation with its messages, tags and detections. */
export const deleteConversation = protectedProcedure
  .input(conversationIdInput)
  .output(z.object({ id: z.string(), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteConversationService(ctx, input.conversationId);
    return { id: input.conversationId, deleted: true as const };
  });
