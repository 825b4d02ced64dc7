import { protectedProcedure } from '../../trpc/init';
import { findSpace } from './find-space';
import { presentSpace, spacePathInput, spaceSchema } from './space.types';

export const getSpace = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/workspaces/{workspaceId}/spaces/{spaceId}',
      summary: 'Get a space',
      tags: ['Spaces (Sharely)'],
      protect: true,
    },
  })
  .input(spacePathInput)
  .output(spaceSchema)
  .query(async ({ ctx, input }) => presentSpace(await findSpace(ctx.prisma, ctx.organizationId, input)));
