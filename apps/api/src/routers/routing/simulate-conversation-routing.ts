import { z } from 'zod';
import { simulateRouting } from '../../services/routing/simulate-routing';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';

/**
 * Infobip's "simulate routing result for conversation": `{ id, queueId, priority }` for an
 * existing conversation, plus which rule decided and an explanation. CLOSED is refused (409).
 */
export const simulateConversationRouting = protectedProcedure
  .input(z.object({ conversationId: idSchema }))
  .output(
    z.object({
      id: z.string(),
      queueId: z.string().nullable(),
      priority: z.string(),
      routeId: z.string().nullable(),
      explanation: z.string(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { decision, facts } = await simulateRouting(ctx.prisma, ctx.organizationId, input, ctx.now());
    return {
      id: input.conversationId,
      queueId: decision.queueId,
      // The matched rule's priority when it gives one, as routing would apply it.
      priority: decision.conversationPriority ?? facts.priority,
      routeId: decision.routeId,
      explanation: decision.explanation,
    };
  });
