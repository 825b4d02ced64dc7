import { z } from 'zod';
import { createGroups as createGroupsAllOrNothing } from '../../services/groups/save-groups';
import { protectedProcedure } from '../../trpc/init';
import { groupFieldsInput, groupsTag, manyGroupsOutput } from './group.types';

/** Symbl's bulk create: the body is a bare array; every group is created or none is. */
export const createGroups = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/groups',
      tags: groupsTag,
      protect: true,
      summary: 'Create several groups at once (all or nothing); the body is a JSON array',
    },
    rest: { bodyAs: 'groups' },
  })
  .input(
    z.object({
      groups: z
        .array(groupFieldsInput)
        .min(1, 'must hold at least one group')
        .max(100, 'must hold at most 100 groups'),
    }),
  )
  .output(manyGroupsOutput)
  .mutation(async ({ ctx, input }) => ({
    groups: await createGroupsAllOrNothing(ctx, input.groups, (index) => `groups.${index}.`),
  }));
