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
      // The same values again change nothing (no event, no job): the job that made the role so answers.
      const unchanged = JSON.stringify(before) === JSON.stringify(after);
      const latest = unchanged
        ? await tx.backgroundJob.findFirst({
            where: { organizationId: ctx.organizationId, entityId: after.id },
            orderBy: { createdAt: 'desc' },
            select: { id: true },
          })
        : null;
      const job = { id: after.id, workspaceId: input.workspaceId };
      const workflowId = latest?.id ?? (await recordRoleJob(tx, ctx.organizationId, 'role.update', job));
      return { ...after, workflowId };
    }),
  );
