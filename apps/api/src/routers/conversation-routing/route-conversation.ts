import { z } from 'zod';
import { presentConversation } from '../../services/conversations/conversation-view';
import { routeConversation } from '../../services/routing/route-conversation';
import { presentRoutingSummary } from '../../services/routing/routing-view';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { expectedVersionSchema, routedConversationSchema } from './conversation-routing.types';

/** Infobip's "route conversation": unassign, pick the queue again, assign an agent when enabled. */
export const routeConversationProcedure = protectedProcedure
  .input(z.object({ conversationId: idSchema, version: expectedVersionSchema }))
  .output(routedConversationSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const outcome = await routeConversation(tx, ctx, input.conversationId, {
        assign: true,
        expectedVersion: input.version,
      });
      return {
        ...presentConversation(outcome.conversation),
        routing: presentRoutingSummary(outcome.decision, outcome.assignment),
      };
    }),
  );
