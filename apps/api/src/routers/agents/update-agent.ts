import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import {
  agentEmailSchema,
  agentIdInput,
  agentNameSchema,
  agentRoleSchema,
  agentSchema,
  agentStatusInput,
  capacitySchema,
  slackUserIdSchema,
} from './agent.types';
import { chosenName } from './agent-rules';
import { changeAgent } from './write-agent';

/** Changes the fields sent; leaves the others. `null` clears email or slackUserId. */
export const updateAgent = protectedProcedure
  .input(
    agentIdInput.extend({
      name: agentNameSchema.optional(),
      displayName: agentNameSchema.optional().describe('Infobip spelling of name'),
      email: agentEmailSchema.nullable().optional(),
      slackUserId: slackUserIdSchema.nullable().optional(),
      status: agentStatusInput.optional(),
      role: agentRoleSchema.optional(),
      enabled: z.boolean().optional(),
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
          role: input.role,
          enabled: input.enabled,
          capacity: input.capacity,
        },
        'agent.update',
      ),
    ),
  );
