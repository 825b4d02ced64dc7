import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from './find-workspace';
import { presentWorkspace, workspaceIdInput, workspaceSchema } from './workspace.types';

export const getWorkspace = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}',
      summary: 'Get a workspace',
      tags: ['Workspaces (Sharely)'],
      protect: true,
    },
  })
  .input(workspaceIdInput)
  .output(workspaceSchema)
  .query(async ({ ctx, input }) =>
    presentWorkspace(await findWorkspace(ctx.prisma, ctx.organizationId, input.workspaceId)),
  );
