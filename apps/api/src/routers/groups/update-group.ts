import { DomainError } from '@switchboard/core';
import { updateGroup as replaceGroup } from '../../services/groups/save-groups';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { groupFieldsInput, groupIdInput, groupsTag, oneGroupOutput } from './group.types';

/** Symbl's PUT replaces name, description and criteria; the body may repeat the id (it must match). */
export const updateGroup = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/v1/manage/group/{groupId}',
      summary: 'Update a conversation group (name, description, criteria)',
      tags: groupsTag,
      protect: true,
    },
  })
  .input(groupIdInput.extend(groupFieldsInput.shape).extend({ id: idSchema.optional() }))
  .output(oneGroupOutput)
  .mutation(async ({ ctx, input }) => {
    const { groupId, id, ...fields } = input;
    if (id !== undefined && id !== groupId) {
      throw new DomainError('VALIDATION', 'id in the body must be the groupId of the path.', { field: 'id' });
    }
    return { group: await replaceGroup(ctx, groupId, fields) };
  });
