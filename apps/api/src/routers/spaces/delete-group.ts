import { z } from 'zod';
import { deleteConversation } from '../../services/conversations/delete-conversation';
import { spaceProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';
import { assertVisitorSpace } from './visitor-scope';

/** Deletes a group conversation of a space, with its messages. */
export const deleteGroup = spaceProcedure
  .input(z.object({ spaceId: idSchema, groupId: idSchema }))
  .output(z.object({ id: z.string(), deleted: z.literal(true) }))
  .mutation(async ({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    await findSpaceGroup(ctx.prisma, ctx.organizationId, input);
    await deleteConversation(ctx, input.groupId, { inSpaceId: input.spaceId });
    return { id: input.groupId, deleted: true as const };
  });
