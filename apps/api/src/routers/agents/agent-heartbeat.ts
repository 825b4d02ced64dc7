import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema, agentTags, presentAgent } from './agent.types';
import { loadAgent } from './agent-rules';

/**
 * Infobip's agent heartbeat: the agent's client says it is still there. Switchboard records the
 * time (`lastHeartbeatAt`) and changes nothing else; a presence ping is no event.
 */
export const agentHeartbeat = protectedProcedure
  .input(agentIdInput)
  .output(agentSchema)
  .mutation(async ({ ctx, input }) => {
    const agent = await loadAgent(ctx.prisma, ctx.organizationId, input.agentId);
    const { count } = await ctx.prisma.agent.updateMany({
      where: { id: agent.id, organizationId: ctx.organizationId },
      data: { lastHeartbeatAt: new Date() },
    });
    // Deleted since it was read: answered as the 404 it now is.
    return presentAgent(count === 0 ? agent : await loadAgent(ctx.prisma, ctx.organizationId, agent.id));
  });
