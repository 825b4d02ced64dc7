import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from '../workspaces/find-workspace';
import { presentRole, roleSchema, workspaceRolesInput } from './role.types';

/** Roles are few (a workspace's RBAC roles): all of them, oldest first. */
const MAX_ROLES = 1000;

export const listRoles = protectedProcedure
  .input(workspaceRolesInput)
  .output(z.object({ roles: z.array(roleSchema), total: z.number().int().nonnegative() }))
  .query(async ({ ctx, input }) => {
    await findWorkspace(ctx.prisma, ctx.organizationId, input.workspaceId);
    const rows = await ctx.prisma.role.findMany({
      where: { organizationId: ctx.organizationId, workspaceId: input.workspaceId },
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: MAX_ROLES,
    });
    return { roles: rows.map(presentRole), total: rows.length };
  });
