import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { infobipPageInput, pageQuery, pageResult } from '../queues/infobip-page';
import { paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { agentInclude, agentSchema, agentStatusInput, presentAgent, slackUserIdSchema } from './agent.types';

/**
 * Infobip's "get agents". `slackUserId` is how the Slack bot finds the agent behind a Slack
 * user; `displayName` matches a substring, case-insensitively, as Infobip's filter does.
 */
export const listAgents = protectedProcedure
  .input(
    infobipPageInput.extend({
      slackUserId: slackUserIdSchema.optional(),
      status: agentStatusInput.optional(),
      queueId: idSchema.optional(),
      displayName: z.string().trim().min(1).max(255).optional(),
    }),
  )
  .output(
    z.object({
      agents: z.array(agentSchema),
      pagination: paginationSchema,
      nextCursor: z.string().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const where: Prisma.AgentWhereInput = {
      organizationId: ctx.organizationId,
      ...(input.slackUserId ? { slackUserId: input.slackUserId } : {}),
      ...(input.status ? { status: input.status } : {}),
      ...(input.queueId ? { queues: { some: { queueId: input.queueId } } } : {}),
      ...(input.displayName ? { name: { contains: input.displayName, mode: 'insensitive' } } : {}),
    };
    const { limit, args } = await pageQuery(ctx.prisma, ctx.organizationId, input);
    const [rows, totalItems] = await Promise.all([
      ctx.prisma.agent.findMany({ where, include: agentInclude, ...args }),
      ctx.prisma.agent.count({ where }),
    ]);
    const page = pageResult(rows, input, limit, totalItems);
    return { agents: page.items.map(presentAgent), pagination: page.pagination, nextCursor: page.nextCursor };
  });
