import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { deleteEntities } from './change-entities';
import { entitiesTag } from './entity.types';

/**
 * Symbl's `DELETE /v1/manage/entity?subType=…`: every entity with that subType (of any type,
 * or only `type` when given). Answers how many went and their ids; none is 404.
 */
export const deleteEntitiesBySubType = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/manage/entity',
      summary: 'Delete every custom entity of a type and subType',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(z.object({ subType: z.string().min(1, 'is required'), type: z.string().min(1).optional() }))
  .output(
    z.object({ subType: z.string(), deleted: z.number().int().nonnegative(), ids: z.array(z.string()) }),
  )
  .mutation(async ({ ctx, input }) => {
    const deleted = await deleteEntities(ctx, { subType: input.subType, type: input.type });
    return { subType: input.subType, deleted: deleted.length, ids: deleted.map((entity) => entity.id) };
  });
