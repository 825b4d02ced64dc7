import { protectedProcedure } from '../../trpc/init';
import { findSpace } from './find-space';
import { presentSpace, spacePathInput, spaceSchema } from './space.types';

/** A space of a workspace (Sharely's REST read of a space is spaces.detail, see dialects/sharely). */
export const getSpace = protectedProcedure
  .input(spacePathInput)
  .output(spaceSchema)
  .query(async ({ ctx, input }) => presentSpace(await findSpace(ctx.prisma, ctx.organizationId, input)));
