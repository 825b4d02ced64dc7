import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { findSpace } from './find-space';
import { groupConversationSchema, presentGroupConversation, spacePageInput } from './space.types';

/** The conversations of a space, oldest first, as Sharely's `{ id, name, createdAt }`. */
export const listGroupConversations = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}/spaces/{spaceId}/groups',
      tags: ['Spaces (Sharely)'],
      protect: true,
      summary: "List a space's group conversations",
    },
  })
  .input(spacePageInput)
  .output(z.object({ groups: z.array(groupConversationSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const space = await findSpace(ctx.prisma, ctx.organizationId, input);
    const rows = await ctx.prisma.conversation.findMany({
      where: { organizationId: ctx.organizationId, spaceId: space.id },
      select: { id: true, topic: true, createdAt: true },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { groups: page.items.map(presentGroupConversation), nextCursor: page.nextCursor };
  });
