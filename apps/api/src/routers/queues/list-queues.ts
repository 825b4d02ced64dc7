import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { loadSettings } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { infobipPageInput, pageQuery, pageResult } from './infobip-page';
import { presentQueue, queueInclude, queueSchema } from './queue.types';

/**
 * Infobip's "get queues": paged, optionally only given ids, the queues an agent belongs to, the
 * queue of a name (exactly), or the queues whose own calendar (`workingHoursId`, as stored) is the
 * one given; queues without a calendar of their own follow the default one and are not listed by it.
 */
export const listQueues = protectedProcedure
  .input(
    infobipPageInput.extend({
      queueIds: z.array(idSchema).max(100).optional(),
      agentId: idSchema.optional(),
      workingHoursId: idSchema.optional(),
      name: z.string().trim().min(1).max(255).optional(),
    }),
  )
  .output(
    z.object({
      queues: z.array(queueSchema),
      pagination: paginationSchema,
      nextCursor: z.string().nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const where: Prisma.QueueWhereInput = {
      organizationId: ctx.organizationId,
      AND: [
        input.queueIds ? { id: { in: input.queueIds } } : {},
        input.agentId ? { members: { some: { agentId: input.agentId } } } : {},
        input.name ? { name: input.name } : {},
        input.workingHoursId ? { workingHoursId: input.workingHoursId } : {},
      ],
    };
    const { limit, args } = await pageQuery(ctx.prisma, ctx.organizationId, input);
    const [rows, totalItems, settings] = await Promise.all([
      ctx.prisma.queue.findMany({ where, include: queueInclude, ...args }),
      ctx.prisma.queue.count({ where }),
      loadSettings(ctx.prisma, ctx.organizationId),
    ]);
    const page = pageResult(rows, input, limit, totalItems);
    return {
      queues: page.items.map((row) => presentQueue(row, settings.routing.strategy)),
      pagination: page.pagination,
      nextCursor: page.nextCursor,
    };
  });
