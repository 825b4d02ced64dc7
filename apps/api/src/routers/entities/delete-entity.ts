import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { deleteEntities } from './change-entities';
import { entitiesTag, entityIdInput } from './entity.types';

export const deleteEntity = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/manage/entity/{entityId}',
      summary: 'Delete a custom entity',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(entityIdInput)
  .output(z.object({ id: z.string(), type: z.literal('entity'), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await deleteEntities(ctx, { entityId: input.entityId });
    return { id: input.entityId, type: 'entity' as const, deleted: true as const };
  });
