import { protectedProcedure } from '../../trpc/init';
import { findRole } from './find-role';
import { presentRole, roleIdInput, roleSchema } from './role.types';

export const getRole = protectedProcedure
  .input(roleIdInput)
  .output(roleSchema)
  .query(async ({ ctx, input }) => presentRole(await findRole(ctx.prisma, ctx.organizationId, input)));
