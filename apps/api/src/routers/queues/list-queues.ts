import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { infobipPageInput, pageQuery, pageResult } from './infobip-page';
import { presentQueue, queueSchema } from './queue.types';

/**
 * Infobip's "get queues": paged, optionally only given ids, the queues an agent belongs to, the
 * queue of a name (exactly), or the queues of a working hours calendar. Switchboard's queues all
 * follow the organization's default calendar (routing rules with routeOnlyDuringWorkingHours
 * read it), so `workingHoursId` names every queue when it is that calendar, and none otherwise.
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
    const calendarIsDefault =
      input.workingHoursId === undefined ||
      (await ctx.prisma.workingHours.count({
        where: { id: input.workingHoursId, organizationId: ctx.organizationId, isDefault: true },
      })) > 0;
    const where: Prisma.QueueWhereInput = {
      organizationId: ctx.organizationId,
      AND: [
        input.queueIds ? { id: { in: input.queueIds } } : {},
        input.agentId ? { members: { some: { agentId: input.agentId } } } : {},
        input.name ? { name: input.name } : {},
        calendarIsDefault ? {} : { id: { in: [] } },
      ],
    };
    const { limit, args } = await pageQuery(ctx.prisma, ctx.organizationId, input);
    const [rows, totalItems] = await Promise.all([
      ctx.prisma.queue.findMany({ where, ...args }),
      ctx.prisma.queue.count({ where }),
    ]);
    const page = pageResult(rows, input, limit, totalItems);
    return { queues: page.items.map(presentQueue), pagination: page.pagination, nextCursor: page.nextCursor };
  });
