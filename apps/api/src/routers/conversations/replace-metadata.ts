import { replaceConversationMetadata } from '../../services/conversations/metadata';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, metadataSchema, versionFields } from './conversation.types';

/**
 * Replaces the whole metadata map (Infobip's metadata PUT, ../../dialects/infobip/metadata.ts).
 * Refused (409) on a CLOSED conversation.
 */
export const replaceMetadata = protectedProcedure
  .input(
    conversationIdInput.extend({ metadata: metadataSchema, expectedVersion: versionFields.expectedVersion }),
  )
  .output(metadataSchema)
  .mutation(({ ctx, input }) => replaceConversationMetadata(ctx, input));
