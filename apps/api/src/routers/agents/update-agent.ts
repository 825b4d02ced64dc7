import { protectedProcedure } from '../../trpc/init';
import {
  agentEmailSchema,
  agentIdInput,
  agentNameSchema,
  agentSchema,
  agentStatusInput,
  agentTags,
  capacitySchema,
  slackUserIdSchema,
} from './agent.types';
import { chosenName } from './agent-rules';
import { changeAgent } from './write-agent';

/** Changes the fields sent; leaves the others. `null` clears email or slackUserId. */
export const updateAgent = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/ccaas/1/agents/{agentId}',
      summary: 'Update an agent',
      tags: agentTags,
      protect: true,
    },
  })
  .input(
    agentIdInput.extend({
      name: agentNameSchema.optional(),
      displayName: agentNameSchema.optional().describe('Infobip spelling of name'),
      email: agentEmailSchema.nullable().optional(),
      slackUserId: slackUserIdSchema.nullable().optional(),
      status: agentStatusInput.optional(),
      capacity: capacitySchema.optional(),
    }),
  )
  .output(agentSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction((tx) =>
      changeAgent(
        tx,
        ctx,
        input.agentId,
        {
          name: chosenName(input),
          email: input.email,
          slackUserId: input.slackUserId,
          status: input.status,
          capacity: input.capacity,
        },
        'agent.update',
      ),
    ),
  );
