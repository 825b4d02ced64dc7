import { protectedProcedure } from '../../trpc/init';
import { entitiesTag, entityIdInput, entitySchema, presentEntity } from './entity.types';
import { findEntity } from './find-entity';

export const getEntity = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/entity/{entityId}',
      summary: 'Get a custom entity',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(entityIdInput)
  .output(entitySchema)
  .query(async ({ ctx, input }) =>
    presentEntity(await findEntity(ctx.prisma, ctx.organizationId, input.entityId)),
  );
