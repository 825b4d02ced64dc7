import { z } from 'zod';
import { authenticateVisitorToken } from '../../services/visitor-tokens';
import { protectedProcedure } from '../../trpc/init';
import { idSchema, isoDateSchema } from '../shared/schemas';
import { findWorkspace } from '../workspaces/find-workspace';

/**
 * A server of the organization (Sharely's server SDK) checks the token an end user sent it: which
 * visitor of the workspace it is, with its space and role. A read: the token is not used up.
 */
export const authenticateVisitor = protectedProcedure
  .input(
    z.object({
      workspaceId: idSchema,
      token: z.string().trim().min(1, 'is required').max(4096, 'is too long'),
    }),
  )
  .output(
    z.object({
      visitorId: z.string(),
      spaceId: z.string(),
      workspaceId: z.string(),
      expiresAt: isoDateSchema,
      role: z.object({ id: z.string(), customerRoleId: z.string().nullable() }).nullable(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const { organizationId } = ctx;
    const { workspaceId, token } = input;
    await findWorkspace(ctx.prisma, organizationId, workspaceId);
    const { visitor, role } = await authenticateVisitorToken(ctx.prisma, {
      organizationId,
      workspaceId,
      token,
    });
    return {
      visitorId: visitor.id,
      spaceId: visitor.spaceId,
      workspaceId,
      expiresAt: visitor.expiresAt.toISOString(),
      role: role ? { id: role.id, customerRoleId: role.customerRoleId } : null,
    };
  });
