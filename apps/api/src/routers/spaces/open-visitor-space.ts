import { randomUUID } from 'node:crypto';
import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { actorOf } from '../../auth/principal';
import { issueVisitorToken } from '../../services/visitor-tokens';
import { anonymousProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { auditSpaceCreated } from './audit-space';
import { presentSpace } from './space.types';

/**
 * Sharely's widget opens a space for a visitor of a workspace, with no credential (anyone holding
 * the workspace id may, like the public workspace read; rate-limited by address): a new space and
 * a temporal user with a 24-hour token that opens that space only. With `externalUserId` (the
 * widget sends it beside a host-asserted token) the user's one space is opened instead, created on
 * first call. A credential that is sent is held to it: a bad one is 401, a valid one confines the
 * call to its organization. A workspace with RBAC ACTIVE refuses a session without a role.
 */
export const openVisitorSpace = anonymousProcedure
  .input(
    z.object({
      workspaceId: idSchema,
      customSource: z.string().trim().min(1).max(64, 'must be at most 64 characters').optional(),
      externalUserId: z.string().trim().min(1, 'must not be empty').max(255, 'is too long').optional(),
    }),
  )
  .output(
    z.object({
      id: z.string(),
      name: z.string(),
      workspaceId: z.string(),
      createdAt: z.string(),
      token: z.string(),
      temporalUserId: z.string(),
      expiresAt: z.string(),
    }),
  )
  .mutation(({ ctx, input }) => {
    const { auth } = ctx;
    if (auth.kind === 'rejected') throw auth.error;
    if (auth.kind === 'admin') {
      throw new DomainError(
        'UNAUTHORIZED',
        'The operator key (ADMIN_API_KEY) only authorises admin operations.',
      );
    }
    const caller =
      auth.kind === 'principal' ? auth.principal : auth.kind === 'visitor' ? auth.visitor : undefined;
    const visitorId = randomUUID();
    const actor =
      auth.kind === 'principal' ? actorOf(auth.principal) : { type: 'VISITOR' as const, id: visitorId };
    return ctx.prisma.$transaction(async (tx) => {
      const workspace = await tx.workspace.findFirst({
        where: { id: input.workspaceId, ...(caller ? { organizationId: caller.organizationId } : {}) },
      });
      if (!workspace) throw new DomainError('NOT_FOUND', 'Workspace not found', { field: 'workspaceId' });
      const { organizationId } = workspace;
      const role = caller?.roleId
        ? await tx.role.findFirst({ where: { id: caller.roleId, workspaceId: workspace.id } })
        : null;
      if (workspace.rbacStatus === 'ACTIVE' && !role) {
        throw new DomainError(
          'UNAUTHORIZED',
          'A roleId is required: RBAC is ACTIVE on this workspace; open the space with a role-scoped token (activate-or-retrieve-user-space).',
          { field: 'roleId' },
        );
      }
      const audit = { organizationId, actor, requestId: ctx.requestId };
      const { externalUserId } = input;
      const id = randomUUID();
      const created = await tx.space.createMany({
        data: [
          {
            id,
            organizationId,
            workspaceId: workspace.id,
            name: externalUserId ?? 'Visitor',
            externalUserId,
          },
        ],
        skipDuplicates: true,
      });
      // A user's space may exist already (its externalUserId is unique in the workspace).
      const space = await tx.space.findFirstOrThrow({
        where: { workspaceId: workspace.id, ...(externalUserId ? { externalUserId } : { id }) },
      });
      if (created.count === 1) {
        await auditSpaceCreated(
          tx,
          { ...audit, prisma: ctx.prisma, logger: ctx.logger },
          presentSpace(space),
        );
      }
      const issued = await issueVisitorToken(tx, {
        ...audit,
        workspaceId: workspace.id,
        spaceId: space.id,
        visitorId,
        role: role ?? undefined,
      });
      return {
        ...presentSpace(space),
        token: issued.token,
        temporalUserId: issued.temporalUserId,
        expiresAt: issued.expiresAt.toISOString(),
      };
    });
  });
