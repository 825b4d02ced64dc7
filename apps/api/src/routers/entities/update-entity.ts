import { DomainError } from '@switchboard/core';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { updateEntity as replaceEntity } from './change-entities';
import { entitiesTag, entityFieldsInput, entityIdInput, entitySchema } from './entity.types';

/** Symbl's PUT: type, subType and values are replaced; the body may repeat the id (it must match). */
export const updateEntity = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/v1/manage/entity/{entityId}',
      summary: 'Update a custom entity',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(entityIdInput.extend(entityFieldsInput.shape).extend({ id: idSchema.optional() }))
  .output(entitySchema)
  .mutation(async ({ ctx, input }) => {
    const { entityId, id, ...fields } = input;
    if (id !== undefined && id !== entityId) {
      throw new DomainError('VALIDATION', 'id in the body must be the entityId of the path.', {
        field: 'id',
      });
    }
    return replaceEntity(ctx, entityId, fields);
  });
