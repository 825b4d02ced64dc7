import { getConversationMetadata } from '../../services/conversations/metadata';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, metadataSchema } from './conversation.types';

/** Infobip's metadata read: the flat map itself, `{ "customerId": "88338833", … }`. */
export const getMetadata = protectedProcedure
  .input(conversationIdInput)
  .output(metadataSchema)
  .query(({ ctx, input }) => getConversationMetadata(ctx, input.conversationId));
