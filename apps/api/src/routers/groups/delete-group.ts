import { z } from 'zod';
import { deleteGroup as removeGroup } from '../../services/groups/save-groups';
import { protectedProcedure } from '../../trpc/init';
import { groupIdInput, groupsTag } from './group.types';

/** Deleting a group deletes only the group: its conversations are untouched. */
export const deleteGroup = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/manage/group/{groupId}',
      summary: 'Delete a conversation group',
      tags: groupsTag,
      protect: true,
    },
  })
  .input(groupIdInput)
  .output(z.object({ id: z.string(), type: z.literal('group'), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await removeGroup(ctx, input.groupId);
    return { id: input.groupId, type: 'group' as const, deleted: true as const };
  });
