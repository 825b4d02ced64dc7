import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from '../workspaces/find-workspace';
import { assertCustomerRoleIdFree } from './find-role';
import { presentRole, roleFields, roleSchema, workspaceRolesInput } from './role.types';
import { auditRole, recordRoleJob } from './save-role';

export const createRole = protectedProcedure
  .input(workspaceRolesInput.extend(roleFields))
  .output(roleSchema.extend({ workflowId: z.string() }))
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await findWorkspace(tx, ctx.organizationId, input.workspaceId);
      await assertCustomerRoleIdFree(tx, input.workspaceId, input.customerRoleId);
      const role = presentRole(
        await tx.role.create({
          data: {
            organizationId: ctx.organizationId,
            workspaceId: input.workspaceId,
            name: input.name,
            description: input.description ?? null,
            customerRoleId: input.customerRoleId ?? null,
          },
        }),
      );
      await auditRole(tx, ctx, 'role.create', undefined, role);
      return {
        ...role,
        workflowId: await recordRoleJob(tx, ctx.organizationId, 'role.create', {
          id: role.id,
          workspaceId: input.workspaceId,
        }),
      };
    }),
  );
