import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { findWorkspace } from './find-workspace';
import { presentWorkspace, rbacStatusSchema, workspaceIdInput, workspaceSchema } from './workspace.types';

/**
 * Turns a workspace's RBAC mode on or off. Sharely's pages disagree on the body, so both are
 * taken: `{ "rbacStatus": "ACTIVE" | "INACTIVE" }` or `{ "rbacEnabled": true | false }`.
 */
export const setRbacStatus = protectedProcedure
  .input(
    workspaceIdInput.extend({ rbacStatus: rbacStatusSchema.optional(), rbacEnabled: z.boolean().optional() }),
  )
  .output(workspaceSchema)
  .mutation(({ ctx, input }) => {
    const fromEnabled =
      input.rbacEnabled === undefined ? undefined : input.rbacEnabled ? 'ACTIVE' : 'INACTIVE';
    if (input.rbacStatus && fromEnabled && input.rbacStatus !== fromEnabled) {
      throw new DomainError('VALIDATION', 'rbacStatus and rbacEnabled disagree; send one of them.', {
        field: 'rbacEnabled',
      });
    }
    const wanted = input.rbacStatus ?? fromEnabled;
    if (!wanted) {
      throw new DomainError(
        'VALIDATION',
        'Send rbacStatus ("ACTIVE" or "INACTIVE") or rbacEnabled (true or false).',
        { field: 'rbacStatus' },
      );
    }
    return ctx.prisma.$transaction(async (tx) => {
      const before = presentWorkspace(await findWorkspace(tx, ctx.organizationId, input.workspaceId));
      const after = presentWorkspace(
        await tx.workspace.update({ where: { id: input.workspaceId }, data: { rbacStatus: wanted } }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'workspace.rbacStatus',
        entityType: 'workspace',
        entityId: after.id,
        before,
        after,
        requestId: ctx.requestId,
      });
      return after;
    });
  });
