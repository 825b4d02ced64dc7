import { z } from 'zod';
import {
  conversationDetections,
  detectionMatchSchema,
} from '../../services/detections/conversation-detections';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';

/**
 * Symbl's Conversation API style: the trackers found in a conversation's messages, each with
 * its mentions (message id, text as written, offsets), in order of first mention.
 */
export const trackerDetections = protectedProcedure
  .input(z.object({ conversationId: idSchema }))
  .output(
    z.object({
      trackers: z.array(
        z.object({ id: z.string(), name: z.string(), matches: z.array(detectionMatchSchema) }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    const found = await conversationDetections(
      ctx.prisma,
      ctx.organizationId,
      input.conversationId,
      'TRACKER',
    );
    return {
      trackers: found.map((group) => ({ id: group.refId, name: group.name, matches: group.matches })),
    };
  });
