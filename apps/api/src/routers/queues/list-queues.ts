import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { infobipPageInput, pageQuery, pageResult } from './infobip-page';
import { presentQueue, queueSchema } from './queue.types';

/** Infobip's "get queues": paged, optionally only given ids or the queues an agent belongs to. */
export const listQueues = protectedProcedure
  .input(
    infobipPageInput.extend({
      queueIds: z.array(idSchema).max(100).optional(),
      agentId: idSchema.optional(),
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
      ...(input.queueIds ? { id: { in: input.queueIds } } : {}),
      ...(input.agentId ? { members: { some: { agentId: input.agentId } } } : {}),
    };
    const { limit, args } = await pageQuery(ctx.prisma, ctx.organizationId, input);
    const [rows, totalItems] = await Promise.all([
      ctx.prisma.queue.findMany({ where, ...args }),
      ctx.prisma.queue.count({ where }),
    ]);
    const page = pageResult(rows, input, limit, totalItems);
    return { queues: page.items.map(presentQueue), pagination: page.pagination, nextCursor: page.nextCursor };
  });
