import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from '../../services/access-tokens';
import { protectedProcedure } from '../../trpc/init';
import { findRequestedRole } from '../roles/find-role';
import { customerRoleIdSchema } from '../roles/role.types';
import { idSchema, isoDateSchema } from '../shared/schemas';
import { findWorkspace } from './find-workspace';

/**
 * Sharely's first auth step: trade an API key for a bearer token, valid 24 hours as Sharely
 * documents ("generate once, reuse"; `expiresInSeconds` asks for less). With `roleId` or
 * `customerRoleId` (one of them: the role must exist in the workspace) the token is scoped to
 * that role: it carries the role, and dies with it.
 */
export const generateAccessKeyToken = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/workspaces/{workspaceId}/generate-access-key-token',
      tags: ['Auth (Sharely)'],
      protect: true,
      summary: 'Exchange an API key (x-api-key) for an access token, optionally scoped to a role',
    },
  })
  .input(
    z.object({
      workspaceId: z.string().min(1),
      roleId: idSchema.optional(),
      customerRoleId: customerRoleIdSchema.optional(),
      expiresInSeconds: z
        .number()
        .int()
        .min(60)
        .max(ACCESS_TOKEN_SECONDS, 'must be at most 86400 (24 h)')
        .optional(),
    }),
  )
  .output(z.object({ token: z.string(), expiresAt: isoDateSchema, roleId: z.string().nullable() }))
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.credentialType !== 'API_KEY') {
      throw new DomainError(
        'UNAUTHORIZED',
        'Access tokens are generated with an API key (x-api-key), not a token.',
      );
    }
    return ctx.prisma.$transaction(async (tx) => {
      const { workspaceId } = input;
      await findWorkspace(tx, ctx.organizationId, workspaceId);
      const role = await findRequestedRole(tx, ctx.organizationId, input);
      const issued = await issueAccessToken(tx, {
        organizationId: ctx.organizationId,
        workspaceId,
        apiKeyId: ctx.principal.apiKeyId,
        lifetimeSeconds: input.expiresInSeconds ?? ACCESS_TOKEN_SECONDS,
        role,
        actor: ctx.actor,
        requestId: ctx.requestId,
      });
      return { token: issued.token, expiresAt: issued.expiresAt.toISOString(), roleId: role?.id ?? null };
    });
  });
