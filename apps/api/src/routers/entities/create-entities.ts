import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { entityFieldsInput, entitySchema } from './entity.types';
import { createEntities as createAllOrNothing } from './save-entities';

/** Creates several custom entities, all or nothing (Symbl's bulk create, see dialects/symbl). */
export const createEntities = protectedProcedure
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
