import { assertCanChangeMetadata } from '@switchboard/core';
import { applyConversationChange } from '../../services/conversations/apply-change';
import { protectedProcedure } from '../../trpc/init';
import { conversationIdInput, conversationSchema, metadataSchema } from './conversation.types';

/**
 * Adds or changes metadata keys and keeps the others (Symbl's `PUT /v1/conversations/{id}`
 * with `{ "metadata": {…} }`). Core checks the merged map's limits; refused on a CLOSED
 * conversation, as every metadata change is.
 */
export const mergeMetadata = protectedProcedure
  .input(conversationIdInput.extend({ metadata: metadataSchema }))
  .output(conversationSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction((tx) =>
      applyConversationChange(tx, ctx, {
        conversationId: input.conversationId,
        action: 'conversation.metadata.merge',
        patch: (current) => {
          assertCanChangeMetadata(current);
          return { metadata: { ...current.metadata, ...input.metadata } };
        },
      }),
    ),
  );
