import { listConversations } from '../../services/conversations/list-conversations';
import { protectedProcedure } from '../../trpc/init';
import { listConversationsOutput } from '../conversations/list-conversations.types';
import { pageInput } from '../shared/page-input';
import { agentIdInput } from './agent.types';
import { loadAgent } from './agent-rules';

/** Infobip's "get agent conversations": the conversations assigned to an agent (404 for an unknown agent). */
export const listAgentConversations = protectedProcedure
  .input(agentIdInput.extend(pageInput.shape))
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
