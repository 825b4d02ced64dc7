import { type AgentStatus, DomainError, unavailableSinceAfter } from '@switchboard/core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import {
  agentEmailSchema,
  agentInclude,
  agentNameSchema,
  agentRoleSchema,
  agentSchema,
  agentStatusInput,
  capacitySchema,
  presentAgent,
  slackUserIdSchema,
} from './agent.types';
import { assertSlackUserFree, chosenName } from './agent-rules';

export const createAgent = protectedProcedure
  .input(
    z.object({
      name: agentNameSchema.optional(),
      displayName: agentNameSchema.optional().describe('Infobip spelling of name'),
      email: agentEmailSchema.nullable().optional(),
      slackUserId: slackUserIdSchema.nullable().optional(),
      status: agentStatusInput.optional().describe('ACTIVE, BUSY, AWAY or INVISIBLE (default INVISIBLE)'),
      role: agentRoleSchema.optional().describe('AGENT (default) or SUPERVISOR'),
      enabled: z.boolean().optional().describe('Default true; a disabled agent is INVISIBLE'),
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
            ...createdStatus(input, ctx.now()),
            ...(input.role ? { role: input.role } : {}),
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

/** A disabled agent is created INVISIBLE; any other status for it is refused (as on update). */
function createdStatus(
  input: { status?: AgentStatus | undefined; enabled?: boolean | undefined },
  now: Date,
) {
  // An agent created away is unavailable from its creation on (it has no conversations yet).
  const withSince = (status: AgentStatus) => ({
    status,
    unavailableSince: unavailableSinceAfter({ status, unavailableSince: null }, status, now),
  });
  if (input.enabled !== false) return withSince(input.status ?? 'INVISIBLE');
  if (input.status !== undefined && input.status !== 'INVISIBLE') {
    throw new DomainError(
      'VALIDATION',
      `A disabled agent can only be INVISIBLE; send "enabled": true to make it ${input.status}.`,
      { field: 'status' },
    );
  }
  return { ...withSince('INVISIBLE'), enabled: false };
}
