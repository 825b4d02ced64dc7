import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { largestPageInput } from '../shared/schemas';
import { entitiesTag, entitySchema, presentEntity } from './entity.types';

/** All custom entities (pages of up to 100, oldest first), optionally of one type and/or subType. */
export const listEntities = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/entities',
      summary: 'List custom entities',
      tags: entitiesTag,
      protect: true,
    },
  })
  .input(
    largestPageInput.extend({
      type: z.string().optional(),
      subType: z.string().optional(),
    }),
  )
  .output(z.object({ entities: z.array(entitySchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    // An entity's id is unique within its organization (its key is organizationId + id).
    const { cursor, ...page } = pageArgs(input, { organizationId: ctx.organizationId });
    const rows = await ctx.prisma.customEntity.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.type === undefined ? {} : { type: input.type }),
        ...(input.subType === undefined ? {} : { subType: input.subType }),
      },
      ...page,
      ...(cursor ? { cursor: { organizationId_id: cursor } } : {}),
    });
    const { items, nextCursor } = toPage(rows, input.limit);
    return { entities: items.map(presentEntity), nextCursor };
  });
