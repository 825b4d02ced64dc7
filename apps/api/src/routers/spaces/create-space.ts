import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from '../workspaces/find-workspace';
import { auditSpaceCreated } from './audit-space';
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
      await auditSpaceCreated(tx, ctx, space);
      return space;
    }),
  );
