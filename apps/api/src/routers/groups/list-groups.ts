import { z } from 'zod';
import { presentGroup } from '../../services/groups/group-view';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { groupSchema, groupsTag } from './group.types';

/**
 * Symbl's list has no paging, so a page defaults to the largest one (100); `nextCursor` leads
 * to the next. `name` narrows to the group with that exact name.
 */
export const listGroups = protectedProcedure
  .meta({ openapi: { method: 'GET', path: '/v1/manage/groups', tags: groupsTag, protect: true } })
  .input(
    z.object({
      limit: z
        .number()
        .int()
        .min(1)
        .default(100)
        .transform((limit) => Math.min(limit, 100)),
      cursor: z.string().min(1).max(128).optional(),
      name: z.string().optional(),
    }),
  )
  .output(z.object({ groups: z.array(groupSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.conversationGroup.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.name === undefined ? {} : { name: input.name.trim() }),
      },
      ...pageArgs(input),
    });
    const page = toPage(rows, input.limit);
    return { groups: page.items.map(presentGroup), nextCursor: page.nextCursor };
  });
