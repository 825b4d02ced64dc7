import { protectedProcedure } from '../../trpc/init';
import { entitiesTag, entityFieldsInput, entitySchema } from './entity.types';
import { createEntities } from './save-entities';

/** Symbl answers one entity bare: `{ id, type, subType, category, values }`. */
export const createEntity = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/entity',
      summary: 'Create a custom entity',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(entityFieldsInput)
  .output(entitySchema)
  .mutation(async ({ ctx, input }) => {
    const [entity] = await createEntities(ctx, [input], () => '');
    if (!entity) throw new Error('createEntities returned no entity');
    return entity;
  });
