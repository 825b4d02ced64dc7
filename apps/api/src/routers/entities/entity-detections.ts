import { z } from 'zod';
import {
  conversationDetections,
  detectionMatchSchema,
} from '../../services/detections/conversation-detections';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';

/**
 * Symbl's Conversation API style: the custom entities found in a conversation's messages, each
 * with its mentions (message id, text as written, offsets), in order of first mention.
 */
export const entityDetections = protectedProcedure
  .input(z.object({ conversationId: idSchema }))
  .output(
    z.object({
      entities: z.array(
        z.object({
          id: z.string(),
          type: z.string(),
          subType: z.string(),
          category: z.string(),
          matches: z.array(detectionMatchSchema),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    const found = await conversationDetections(
      ctx.prisma,
      ctx.organizationId,
      input.conversationId,
      'ENTITY',
    );
    const definitions = await ctx.prisma.customEntity.findMany({
      where: { organizationId: ctx.organizationId, id: { in: found.map((group) => group.refId) } },
    });
    const byId = new Map(definitions.map((entity) => [entity.id, entity]));
    return {
      entities: found.flatMap((group) => {
        const entity = byId.get(group.refId);
        if (!entity) return [];
        const { id, type, subType, category } = entity;
        return [{ id, type, subType, category, matches: group.matches }];
      }),
    };
  });
