import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { instantRange } from '../../shared/instant-range';
import { protectedProcedure } from '../../trpc/init';
import { infobipPageInput, pageQuery, pageResult } from '../queues/infobip-page';
import { paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import {
  agentInclude,
  agentRoleSchema,
  agentSchema,
  agentStatusInput,
  presentAgent,
  slackUserIdSchema,
} from './agent.types';

const idList = z.array(idSchema).max(100, 'at most 100 ids').optional();
const instantText = z.string().max(64).optional();

/**
 * Infobip's "get agents". `slackUserId` is how the Slack bot finds the agent behind a Slack
 * user; `displayName` matches a substring, case-insensitively, as Infobip's filter does; `email`
 * matches the whole address in any case. An agent's `availability` is its status (only ACTIVE
 * agents are given conversations), so both filters read the status. Lists arrive over REST as
 * `agentIds=a,b` or repeated parameters.
 */
export const listAgents = protectedProcedure
  .input(
    infobipPageInput.extend({
      agentIds: idList,
      queueIds: idList,
      slackUserId: slackUserIdSchema.optional(),
      status: agentStatusInput.optional(),
      availability: agentStatusInput.optional(),
      role: agentRoleSchema.optional(),
      enabled: z.boolean().optional(),
      queueId: idSchema.optional(),
      displayName: z.string().trim().min(1).max(255).optional(),
      email: z.string().trim().min(1).max(254).optional(),
      createdAfter: instantText,
      createdBefore: instantText,
      updatedAfter: instantText,
      updatedBefore: instantText,
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
    const createdAt = instantRange(
      { after: 'createdAfter', before: 'createdBefore' },
      input.createdAfter,
      input.createdBefore,
    );
    const updatedAt = instantRange(
      { after: 'updatedAfter', before: 'updatedBefore' },
      input.updatedAfter,
      input.updatedBefore,
    );
    const where: Prisma.AgentWhereInput = {
      organizationId: ctx.organizationId,
      AND: [
        input.agentIds ? { id: { in: input.agentIds } } : {},
        input.queueIds ? { queues: { some: { queueId: { in: input.queueIds } } } } : {},
        input.queueId ? { queues: { some: { queueId: input.queueId } } } : {},
        input.slackUserId ? { slackUserId: input.slackUserId } : {},
        input.status ? { status: input.status } : {},
        input.availability ? { status: input.availability } : {},
        input.role ? { role: input.role } : {},
        input.enabled !== undefined ? { enabled: input.enabled } : {},
        input.displayName ? { name: { contains: input.displayName, mode: 'insensitive' } } : {},
        input.email ? { email: { equals: input.email, mode: 'insensitive' } } : {},
        createdAt ? { createdAt } : {},
        updatedAt ? { updatedAt } : {},
      ],
    };
    const { limit, args } = await pageQuery(ctx.prisma, ctx.organizationId, input);
    const [rows, totalItems] = await Promise.all([
      ctx.prisma.agent.findMany({ where, include: agentInclude, ...args }),
      ctx.prisma.agent.count({ where }),
    ]);
    const page = pageResult(rows, input, limit, totalItems);
    return { agents: page.items.map(presentAgent), pagination: page.pagination, nextCursor: page.nextCursor };
  });
