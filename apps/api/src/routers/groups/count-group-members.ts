import { countConversationsMatching } from '@switchboard/db';
import { z } from 'zod';
import { findGroup } from '../../services/groups/find-group';
import { memberCriteria } from '../../services/groups/member-criteria';
import { protectedProcedure } from '../../trpc/init';
import { groupIdInput } from './group.types';

/** How many conversations are in the group now (counted in the database). */
export const countGroupMembers = protectedProcedure
  .input(groupIdInput)
  .output(z.object({ groupId: z.string(), count: z.number().int() }))
  .query(async ({ ctx, input }) => {
    const group = await findGroup(ctx.prisma, ctx.organizationId, input.groupId);
    const count = await countConversationsMatching(ctx.prisma, {
      organizationId: ctx.organizationId,
      criteria: memberCriteria(group.criteria),
    });
    return { groupId: group.id, count };
  });
