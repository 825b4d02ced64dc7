import { randomUUID } from 'node:crypto';
import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { issueVisitorToken } from '../../services/visitor-tokens';
import { protectedProcedure } from '../../trpc/init';
import { findRequestedRole } from '../roles/find-role';
import { customerRoleIdSchema } from '../roles/role.types';
import { idSchema } from '../shared/schemas';
import { findWorkspace } from '../workspaces/find-workspace';
import { auditSpaceCreated } from './audit-space';
import { presentSpace } from './space.types';

const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Sharely's user space: the one space of a customer user in a workspace, created on first call
 * (idempotent, also under concurrent calls), with a 24-hour visitor token that opens it (and
 * nothing else: the token goes to the widget in the user's browser). The user is a `userId`
 * (a UUID) or the customer's own `customerIdString`. The token's role is the one asked for, else
 * the caller's role-scoped token's; a workspace with RBAC ACTIVE refuses a role-less session.
 */
export const activateUserSpace = protectedProcedure
  .input(
    z.object({
      workspaceId: idSchema,
      /** Sharely's documented body repeats the path's workspace id; it must match. */
      bodyWorkspaceId: idSchema.optional(),
      userId: z.string().regex(uuid, 'must be a UUID').optional(),
      customerIdString: z.string().trim().min(1, 'must not be empty').max(255, 'is too long').optional(),
      roleId: idSchema.optional(),
      customerRoleId: customerRoleIdSchema.optional(),
    }),
  )
  .output(
    z.object({
      token: z.string(),
      spaceId: z.string(),
      userId: z.string(),
      workspaceId: z.string(),
      isNew: z.boolean(),
      roleId: z.string().nullable(),
    }),
  )
  .mutation(({ ctx, input }) => {
    const userId = oneOf(input, 'userId', 'customerIdString');
    if (input.bodyWorkspaceId !== undefined && input.bodyWorkspaceId !== input.workspaceId) {
      throw new DomainError('VALIDATION', 'workspaceId in the body must be the workspace of the path.', {
        field: 'workspaceId',
      });
    }
    return ctx.prisma.$transaction(async (tx) => {
      const { workspaceId } = input;
      const workspace = await findWorkspace(tx, ctx.organizationId, workspaceId);
      const role = await findRequestedRole(tx, ctx.organizationId, input);
      // The caller's role-scoped token passes its role on (Sharely: the role propagates downstream).
      const tokenRole =
        role || !ctx.principal.roleId
          ? undefined
          : await tx.role.findFirst({
              where: { id: ctx.principal.roleId, organizationId: ctx.organizationId },
            });
      const scope = role ?? tokenRole ?? undefined;
      const roleId = scope?.id;
      if (workspace.rbacStatus === 'ACTIVE' && !roleId) {
        throw new DomainError(
          'UNAUTHORIZED',
          'A roleId is required: RBAC is ACTIVE on this workspace; use a role-scoped token or send roleId / customerRoleId.',
          { field: 'roleId' },
        );
      }
      const created = await tx.space.createMany({
        data: [{ organizationId: ctx.organizationId, workspaceId, name: userId, externalUserId: userId }],
        skipDuplicates: true,
      });
      const space = await tx.space.findFirstOrThrow({ where: { workspaceId, externalUserId: userId } });
      if (created.count === 1) await auditSpaceCreated(tx, ctx, presentSpace(space));
      // The token is handed to the widget in the user's browser: a visitor's token, which opens
      // this space only, never a credential of the organization.
      const issued = await issueVisitorToken(tx, {
        organizationId: ctx.organizationId,
        workspaceId,
        spaceId: space.id,
        visitorId: randomUUID(),
        role: scope,
        actor: ctx.actor,
        requestId: ctx.requestId,
      });
      return {
        token: issued.token,
        spaceId: space.id,
        userId,
        workspaceId,
        isNew: created.count === 1,
        roleId: roleId ?? null,
      };
    });
  });

function oneOf(
  input: { userId?: string | undefined; customerIdString?: string | undefined },
  a: 'userId',
  b: 'customerIdString',
): string {
  const value = input[a] ?? input[b];
  if (value === undefined || (input[a] !== undefined && input[b] !== undefined)) {
    throw new DomainError('VALIDATION', `Provide exactly one of ${a} or ${b}.`, { field: a });
  }
  return value;
}
