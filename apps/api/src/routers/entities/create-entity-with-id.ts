import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { entitiesTag, entityFieldsInput, entitySchema } from './entity.types';
import { createEntities } from './save-entities';

/**
 * Symbl's documented `POST v1/manage/entity/{entityId}`: creates the entity under the id the
 * client chose (letters, digits, `_` and `-`). An id already in use is 409; PUT changes an entity.
 */
export const createEntityWithId = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/entity/{entityId}',
      tags: entitiesTag,
      protect: true,
      summary: 'Create a custom entity with a client-chosen id',
    },
  })
  .input(
    entityFieldsInput.extend({
      entityId: z.string().regex(/^[A-Za-z0-9_-]{1,64}$/, 'must be 1–64 letters, digits, "_" or "-"'),
    }),
  )
  .output(entitySchema)
  .mutation(async ({ ctx, input }) => {
    const { entityId, ...fields } = input;
    const [entity] = await createEntities(ctx, [{ ...fields, id: entityId }], () => '');
    if (!entity) throw new Error('createEntities returned no entity');
    return entity;
  });
