import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema } from './agent.types';
import { changeAgent } from './write-agent';

/**
 * Infobip's agent heartbeat: the agent's client says it is still there. Switchboard records the
 * time (`lastHeartbeatAt`, an `agent.updated` event like every audited change). Once an agent has
 * sent one, a lapse (settings routing.unavailableAgent.heartbeatLapseMinutes) makes it
 * unavailable: routing gives it nothing, and its conversations move on after the grace period.
 */
export const agentHeartbeat = protectedProcedure
  .input(agentIdInput)
  .output(agentSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction((tx) =>
      changeAgent(tx, ctx, input.agentId, { lastHeartbeatAt: ctx.now() }, 'agent.heartbeat'),
    ),
  );
