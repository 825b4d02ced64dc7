import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { assertCustomerRoleIdFree, findRole } from './find-role';
import { presentRole, roleFields, roleIdInput, roleSchema } from './role.types';
import { auditRole, recordRoleJob } from './save-role';

/** Only the fields sent change (Sharely: "all fields are optional"); null clears an optional one. */
export const updateRole = protectedProcedure
  .input(roleIdInput.extend({ ...roleFields, name: roleFields.name.optional() }))
  .output(roleSchema.extend({ workflowId: z.string() }))
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const before = presentRole(await findRole(tx, ctx.organizationId, input));
      await assertCustomerRoleIdFree(tx, input.workspaceId, input.customerRoleId, input.roleId);
      const after = presentRole(
        await tx.role.update({
          where: { id: input.roleId },
          data: {
            ...(input.name === undefined ? {} : { name: input.name }),
            ...(input.description === undefined ? {} : { description: input.description }),
            ...(input.customerRoleId === undefined ? {} : { customerRoleId: input.customerRoleId }),
          },
        }),
      );
      await auditRole(tx, ctx, 'role.update', before, after);
      return {
        ...after,
        workflowId: await recordRoleJob(tx, ctx.organizationId, 'role.update', {
          id: after.id,
          workspaceId: input.workspaceId,
        }),
      };
    }),
  );
