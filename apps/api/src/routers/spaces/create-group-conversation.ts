import { createConversationIn } from '../../services/conversations/create-conversation';
import { protectedProcedure } from '../../trpc/init';
import { findSpace } from './find-space';
import { groupConversationSchema, groupNameSchema, spacePathInput } from './space.types';

/**
 * Sharely's group conversation: a conversation in the space whose topic is the group's name. It
 * is created like any conversation (defaults, auto-routing, audit), in the transaction that found
 * the space, so a space of another workspace is Sharely's 404 "Space not found".
 */
export const createGroupConversation = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/workspaces/{workspaceId}/spaces/{spaceId}/group',
      tags: ['Spaces (Sharely)'],
      protect: true,
      summary: 'Create a group conversation in a space (name defaults to "General")',
    },
  })
  .input(spacePathInput.extend({ name: groupNameSchema }))
  .output(groupConversationSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const space = await findSpace(tx, ctx.organizationId, input);
      const conversation = await createConversationIn(tx, ctx, {
        topic: input.name,
        workspaceId: space.workspaceId,
        spaceId: space.id,
      });
      return { id: conversation.id, name: input.name, createdAt: conversation.createdAt };
    }),
  );
