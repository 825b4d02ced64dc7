import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema, presentAgent } from './agent.types';
import { loadAgent } from './agent-rules';

export const getAgent = protectedProcedure
  .input(agentIdInput)
  .output(agentSchema)
  .query(async ({ ctx, input }) =>
    presentAgent(await loadAgent(ctx.prisma, ctx.organizationId, input.agentId)),
  );
