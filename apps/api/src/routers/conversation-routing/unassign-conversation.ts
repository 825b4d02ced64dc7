import { z } from 'zod';
import { conversationSchema, presentConversation } from '../../services/conversations/conversation-view';
import { unassignConversation } from '../../services/routing/assign-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { expectedVersionSchema } from './conversation-routing.types';

/** Removes the agent; the conversation stays in its queue. Refused (409) when CLOSED. */
export const unassignConversationProcedure = protectedProcedure
  .input(z.object({ conversationId: idSchema, version: expectedVersionSchema }))
  .output(conversationSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) =>
      presentConversation(
        await unassignConversation(tx, ctx, {
          conversationId: input.conversationId,
          expectedVersion: input.version,
        }),
      ),
    ),
  );
