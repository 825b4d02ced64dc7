import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import {
  agentEmailSchema,
  agentInclude,
  agentNameSchema,
  agentSchema,
  agentStatusInput,
  agentTags,
  capacitySchema,
  presentAgent,
  slackUserIdSchema,
} from './agent.types';
import { assertSlackUserFree, chosenName } from './agent-rules';

export const createAgent = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/ccaas/1/agents',
      summary: 'Create an agent',
      tags: agentTags,
      protect: true,
    },
  })
  .input(
    z.object({
      name: agentNameSchema.optional(),
      displayName: agentNameSchema.optional().describe('Infobip spelling of name'),
      email: agentEmailSchema.nullable().optional(),
      slackUserId: slackUserIdSchema.nullable().optional(),
      status: agentStatusInput.optional().describe('ONLINE, AWAY or OFFLINE (default OFFLINE)'),
      capacity: capacitySchema.optional().describe('Default 5'),
    }),
  )
  .output(agentSchema)
  .mutation(({ ctx, input }) => {
    const name = chosenName(input);
    if (!name) throw new DomainError('VALIDATION', 'Invalid input — name: is required', { field: 'name' });
    return ctx.prisma.$transaction(async (tx) => {
      await assertSlackUserFree(tx, ctx.organizationId, input.slackUserId);
      const agent = presentAgent(
        await tx.agent.create({
          data: {
            organizationId: ctx.organizationId,
            name,
            email: input.email ?? null,
            slackUserId: input.slackUserId ?? null,
            ...(input.status ? { status: input.status } : {}),
            ...(input.capacity === undefined ? {} : { capacity: input.capacity }),
          },
          include: agentInclude,
        }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'agent.create',
        entityType: 'agent',
        entityId: agent.id,
        after: agent,
        requestId: ctx.requestId,
      });
      return agent;
    });
  });
