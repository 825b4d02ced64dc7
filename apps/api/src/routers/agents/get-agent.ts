import { protectedProcedure } from '../../trpc/init';
import { agentIdInput, agentSchema, agentTags, presentAgent } from './agent.types';
import { loadAgent } from './agent-rules';

export const getAgent = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/agents/{agentId}',
      summary: 'Get an agent',
      tags: agentTags,
      protect: true,
    },
  })
  .input(agentIdInput)
  .output(agentSchema)
  .query(async ({ ctx, input }) =>
    presentAgent(await loadAgent(ctx.prisma, ctx.organizationId, input.agentId)),
  );
