import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { presentRoutingSummary } from '../../services/routing/routing-view';
import { simulateRouting } from '../../services/routing/simulate-routing';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { hypotheticalConversationSchema, simulationSchema } from './routing.types';

/**
 * Which route a conversation would take now, and why (every rule's outcome), and which agent
 * would get it — for an existing conversation or a described one. Writes nothing.
 */
export const simulateRoutingProcedure = protectedProcedure
  .input(
    z.object({
      conversationId: idSchema.optional(),
      conversation: hypotheticalConversationSchema.optional(),
    }),
  )
  .output(simulationSchema)
  .query(async ({ ctx, input }) => {
    if ((input.conversationId === undefined) === (input.conversation === undefined)) {
      throw new DomainError('VALIDATION', 'Send either conversationId or conversation (one of them).', {
        field: 'conversationId',
      });
    }
    const subject = input.conversationId
      ? { conversationId: input.conversationId }
      : { conversation: input.conversation as z.infer<typeof hypotheticalConversationSchema> };
    const simulation = await simulateRouting(ctx.prisma, ctx.organizationId, subject, ctx.now());
    return {
      conversationId: simulation.conversationId,
      ...presentRoutingSummary(simulation.decision, simulation.assignment),
    };
  });
