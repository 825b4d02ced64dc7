import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput } from '../shared/schemas';
import { findWorkspace } from '../workspaces/find-workspace';
import { presentSpace, spaceSchema, workspacePathInput } from './space.types';

export const listSpaces = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}/spaces',
      summary: "List a workspace's spaces",
      tags: ['Spaces (Sharely)'],
      protect: true,
    },
  })
  .input(cursorPageInput.extend(workspacePathInput.shape))
  .output(z.object({ spaces: z.array(spaceSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    await findWorkspace(ctx.prisma, ctx.organizationId, input.workspaceId);
    const rows = await ctx.prisma.space.findMany({
      where: { organizationId: ctx.organizationId, workspaceId: input.workspaceId },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { spaces: page.items.map(presentSpace), nextCursor: page.nextCursor };
  });
