import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { presentWorkspace, workspaceNameSchema, workspaceSchema } from './workspace.types';

export const createWorkspace = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/workspaces',
      summary: 'Create a workspace',
      tags: ['Workspaces (Sharely)'],
      protect: true,
    },
  })
  .input(z.object({ name: workspaceNameSchema }))
  .output(workspaceSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const workspace = presentWorkspace(
        await tx.workspace.create({ data: { organizationId: ctx.organizationId, name: input.name } }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'workspace.create',
        entityType: 'workspace',
        entityId: workspace.id,
        after: workspace,
        requestId: ctx.requestId,
      });
      return workspace;
    }),
  );
