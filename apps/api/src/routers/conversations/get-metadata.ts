import { getConversationMetadata } from '../../services/conversations/metadata';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationsTag, metadataSchema } from './conversation.types';

/** Infobip's metadata read: the flat map itself, `{ "customerId": "88338833", … }`. */
export const getMetadata = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/conversations/{conversationId}/metadata',
      summary: "Get a conversation's metadata",
      tags: conversationsTag,
      protect: true,
    },
  })
  .input(conversationIdInput)
  .output(metadataSchema)
  .query(({ ctx, input }) => getConversationMetadata(ctx, input.conversationId));
