import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from '../workspaces/find-workspace';
import {
  presentSpace,
  spaceDescriptionSchema,
  spaceNameSchema,
  spaceSchema,
  workspacePathInput,
} from './space.types';

export const createSpace = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/workspaces/{workspaceId}/spaces',
      tags: ['Spaces (Sharely)'],
      protect: true,
      summary: 'Create a space in a workspace',
    },
  })
  .input(workspacePathInput.extend({ name: spaceNameSchema, description: spaceDescriptionSchema }))
  .output(spaceSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await findWorkspace(tx, ctx.organizationId, input.workspaceId);
      const space = presentSpace(
        await tx.space.create({
          data: {
            organizationId: ctx.organizationId,
            workspaceId: input.workspaceId,
            name: input.name,
            description: input.description ?? null,
          },
        }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'space.create',
        entityType: 'space',
        entityId: space.id,
        after: space,
        requestId: ctx.requestId,
      });
      return space;
    }),
  );
