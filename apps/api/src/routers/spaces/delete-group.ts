import { z } from 'zod';
import { deleteConversation } from '../../services/conversations/delete-conversation';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';

/** Deletes a group conversation of a space, with its messages. */
export const deleteGroup = protectedProcedure
  .input(z.object({ spaceId: idSchema, groupId: idSchema }))
  .output(z.object({ id: z.string(), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    await findSpaceGroup(ctx.prisma, ctx.organizationId, input);
    await deleteConversation(ctx, input.groupId, { inSpaceId: input.spaceId });
    return { id: input.groupId, deleted: true as const };
  });
