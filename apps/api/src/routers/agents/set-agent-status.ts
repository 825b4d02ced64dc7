import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema, agentStatusInput } from './agent.types';
import { changeAgent } from './write-agent';

/** Presence: only ACTIVE agents receive conversations from automatic assignment. */
export const setAgentStatus = protectedProcedure
  .input(agentIdInput.extend({ status: agentStatusInput }))
  .output(agentSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction((tx) =>
      changeAgent(tx, ctx, input.agentId, { status: input.status }, 'agent.status'),
    ),
  );
