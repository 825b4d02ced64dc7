import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { anonymousProcedure } from '../../trpc/init';
import { workspaceIdInput } from './workspace.types';

/**
 * What anyone holding a workspace id may read without a credential (Sharely's widget and RBAC
 * clients read it first, to learn the `organizationid` header and whether RBAC is on): the
 * workspace's name, its organization and its RBAC mode. Workspace ids are random UUIDs. A request
 * that does carry a credential is held to it like every other: a bad one is 401, and a valid one
 * scopes the read to its organization (another tenant's workspace is 404 to it).
 */
export const getPublicWorkspace = anonymousProcedure
  .input(workspaceIdInput)
  .output(
    z.object({
      id: z.string(),
      name: z.string(),
      organizationId: z.string(),
      organizationName: z.string(),
      rbacStatus: z.enum(['ACTIVE', 'INACTIVE']),
    }),
  )
  .query(async ({ ctx, input }) => {
    // A credential that is sent must be valid, as everywhere; none at all is the public read.
    if (ctx.auth.kind === 'rejected') throw ctx.auth.error;
    const caller = ctx.auth.kind === 'principal' ? ctx.auth.principal.organizationId : undefined;
    const workspace = await ctx.prisma.workspace.findFirst({
      where: { id: input.workspaceId, ...(caller ? { organizationId: caller } : {}) },
      include: { organization: { select: { name: true } } },
    });
    if (!workspace) throw new DomainError('NOT_FOUND', 'Workspace not found', { field: 'workspaceId' });
    return {
      id: workspace.id,
      name: workspace.name,
      organizationId: workspace.organizationId,
      organizationName: workspace.organization.name,
      rbacStatus: workspace.rbacStatus === 'ACTIVE' ? ('ACTIVE' as const) : ('INACTIVE' as const),
    };
  });
