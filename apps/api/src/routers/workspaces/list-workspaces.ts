import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput } from '../shared/schemas';
import { presentWorkspace, workspaceSchema } from './workspace.types';

export const listWorkspaces = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/workspaces',
      summary: 'List workspaces',
      tags: ['Workspaces (Sharely)'],
      protect: true,
    },
  })
  .input(cursorPageInput)
  .output(z.object({ workspaces: z.array(workspaceSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.workspace.findMany({
      where: { organizationId: ctx.organizationId },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { workspaces: page.items.map(presentWorkspace), nextCursor: page.nextCursor };
  });
