import { z } from 'zod';
import { listConversations } from '../../services/conversations/list-conversations';
import { protectedProcedure } from '../../trpc/init';
import { listConversationsOutput } from '../conversations/list-conversations.types';
import { agentIdInput } from './agent.types';
import { loadAgent } from './agent-rules';

/** Infobip's "get agent conversations": the conversations assigned to an agent (404 for an unknown agent). */
export const listAgentConversations = protectedProcedure
  .input(
    agentIdInput.extend({
      limit: z.number().int().min(0).max(999, "must be at most 999 (Infobip's largest page)").optional(),
      page: z.number().int().min(0).max(1_000_000).optional(),
      orderBy: z.string().max(64).optional(),
    }),
  )
  .output(listConversationsOutput)
  .query(async ({ ctx, input }) => {
    const agent = await loadAgent(ctx.prisma, ctx.organizationId, input.agentId);
    return listConversations(ctx, {
      agentId: agent.id,
      limit: input.limit,
      page: input.page,
      orderBy: input.orderBy,
    });
  });
