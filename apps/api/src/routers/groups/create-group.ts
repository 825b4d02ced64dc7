import { createGroups } from '../../services/groups/save-groups';
import { protectedProcedure } from '../../trpc/init';
import { groupFieldsInput, groupsTag, oneGroupOutput } from './group.types';

export const createGroup = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/group',
      summary: 'Create a conversation group from criteria',
      tags: groupsTag,
      protect: true,
    },
  })
  .input(groupFieldsInput)
  .output(oneGroupOutput)
  .mutation(async ({ ctx, input }) => {
    const [group] = await createGroups(ctx, [input], () => '');
    if (!group) throw new Error('createGroups returned no group');
    return { group };
  });
