import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { generateAccessToken, hashSecret } from '../../auth/secrets';
import { protectedProcedure } from '../../trpc/init';
import { isoDateSchema } from '../shared/schemas';
import { findWorkspace } from './find-workspace';

const DEFAULT_SECONDS = 15 * 60;
const MAX_SECONDS = 24 * 60 * 60;

/** Sharely's first auth step: trade an API key for a short-lived bearer token. */
export const generateAccessKeyToken = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/workspaces/{workspaceId}/generate-access-key-token',
      tags: ['Auth (Sharely)'],
      protect: true,
      summary: 'Exchange an API key (x-api-key) for an access token',
    },
  })
  .input(
    z.object({
      workspaceId: z.string().min(1),
      expiresInSeconds: z.number().int().min(60).max(MAX_SECONDS, 'must be at most 86400 (24 h)').optional(),
    }),
  )
  .output(z.object({ token: z.string(), expiresAt: isoDateSchema }))
  .mutation(async ({ ctx, input }) => {
    if (ctx.principal.credentialType !== 'API_KEY') {
      throw new DomainError(
        'UNAUTHORIZED',
        'Access tokens are generated with an API key (x-api-key), not a token.',
      );
    }
    await findWorkspace(ctx.prisma, ctx.organizationId, input.workspaceId);
    const token = generateAccessToken();
    const expiresAt = new Date(Date.now() + (input.expiresInSeconds ?? DEFAULT_SECONDS) * 1000);
    // A credential came into being: audited (and so an event) like an API key, never its secret.
    await ctx.prisma.$transaction(async (tx) => {
      const created = await tx.accessToken.create({
        data: {
          organizationId: ctx.organizationId,
          workspaceId: input.workspaceId,
          apiKeyId: ctx.principal.apiKeyId,
          hash: hashSecret(token),
          expiresAt,
        },
      });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'accessToken.create',
        entityType: 'accessToken',
        entityId: created.id,
        after: { id: created.id, workspaceId: created.workspaceId, apiKeyId: created.apiKeyId, expiresAt },
        requestId: ctx.requestId,
      });
    });
    return { token, expiresAt: expiresAt.toISOString() };
  });
