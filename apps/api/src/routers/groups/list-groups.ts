import { z } from 'zod';
import { presentGroup } from '../../services/groups/group-view';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { largestPageInput } from '../shared/schemas';
import { groupSchema, groupsTag } from './group.types';

/**
 * Symbl's list has no paging, so a page defaults to the largest one (100); `nextCursor` leads
 * to the next. `name` narrows to the group with that exact name.
 */
export const listGroups = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/groups',
      summary: 'List conversation groups',
      tags: groupsTag,
      protect: true,
    },
  })
  .input(
    largestPageInput.extend({
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
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { groups: page.items.map(presentGroup), nextCursor: page.nextCursor };
  });
