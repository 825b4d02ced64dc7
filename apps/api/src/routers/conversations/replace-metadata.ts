import { replaceConversationMetadata } from '../../services/conversations/metadata';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationsTag, metadataSchema, versionFields } from './conversation.types';

/**
 * Infobip's metadata PUT: the REST body is the whole new map (`rest.bodyAs`), so `{ "k": "v" }`
 * arrives as `input.metadata`. Refused (409) on a CLOSED conversation.
 */
export const replaceMetadata = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/ccaas/1/conversations/{conversationId}/metadata',
      tags: conversationsTag,
      protect: true,
      summary: 'Replace the metadata map (at most 100 keys); 409 when CLOSED',
    },
    rest: { bodyAs: 'metadata' },
  })
  .input(
    conversationIdInput.extend({ metadata: metadataSchema, expectedVersion: versionFields.expectedVersion }),
  )
  .output(metadataSchema)
  .mutation(({ ctx, input }) => replaceConversationMetadata(ctx, input));
