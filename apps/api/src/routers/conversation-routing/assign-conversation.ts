import { z } from 'zod';
import { conversationSchema, presentConversation } from '../../services/conversations/conversation-view';
import { assignConversation } from '../../services/routing/assign-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { conversationTags, expectedVersionSchema } from './conversation-routing.types';

/**
 * Manual assignment. The agent may be AWAY (a supervisor's call) but not at capacity: that is
 * checked under the agent's row lock, so it holds against concurrent automatic assignment.
 */
export const assignConversationProcedure = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/ccaas/1/conversations/{conversationId}/assignee',
      tags: conversationTags,
      protect: true,
      summary: 'Assign an agent (409 when the conversation is CLOSED or the agent is at capacity)',
    },
  })
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
