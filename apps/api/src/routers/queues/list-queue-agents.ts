import { z } from 'zod';
import { findQueue } from '../../services/routing/find-routing-objects';
import { protectedProcedure } from '../../trpc/init';
import { agentInclude, agentSchema, presentAgent } from '../agents/agent.types';
import { queueIdInput } from './queue.types';

export const listQueueAgents = protectedProcedure
  .input(queueIdInput)
  .output(z.object({ agents: z.array(agentSchema) }))
  .query(async ({ ctx, input }) => {
    await findQueue(ctx.prisma, ctx.organizationId, input.queueId);
    const agents = await ctx.prisma.agent.findMany({
      where: { organizationId: ctx.organizationId, queues: { some: { queueId: input.queueId } } },
      include: agentInclude,
      orderBy: [{ name: 'asc' }, { id: 'asc' }],
    });
    return { agents: agents.map(presentAgent) };
  });
