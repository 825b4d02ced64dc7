import { z } from 'zod';
import { conversationSchema, presentConversation } from '../../services/conversations/conversation-view';
import { assignConversation } from '../../services/routing/assign-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { expectedVersionSchema } from './conversation-routing.types';

/**
 * Manual assignment. The agent may be AWAY (a supervisor's call) but not at capacity: that is
 * checked under the agent's row lock, so it holds against concurrent automatic assignment.
 */
export const assignConversationProcedure = protectedProcedure
  .input(z.object({ conversationId: idSchema, agentId: idSchema, version: expectedVersionSchema }))
  .output(conversationSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) =>
      presentConversation(
        await assignConversation(tx, ctx, {
          conversationId: input.conversationId,
          agentId: input.agentId,
          expectedVersion: input.version,
        }),
      ),
    ),
  );
