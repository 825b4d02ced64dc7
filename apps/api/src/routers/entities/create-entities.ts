import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { entitiesTag, entityFieldsInput, entitySchema } from './entity.types';
import { createEntities as createAllOrNothing } from './save-entities';

/** Symbl's bulk create: the body is a bare array; every entity is created or none is. */
export const createEntities = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/manage/entities',
      tags: entitiesTag,
      protect: true,
      summary: 'Create several custom entities at once (all or nothing); the body is a JSON array',
    },
    rest: { bodyAs: 'entities' },
  })
  .input(
    z.object({
      entities: z
        .array(entityFieldsInput)
        .min(1, 'must hold at least one entity')
        .max(100, 'must hold at most 100 entities'),
    }),
  )
  .output(z.object({ entities: z.array(entitySchema) }))
  .mutation(async ({ ctx, input }) => ({
    entities: await createAllOrNothing(ctx, input.entities, (index) => `entities.${index}.`),
  }));
