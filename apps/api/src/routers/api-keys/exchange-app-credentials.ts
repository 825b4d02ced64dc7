import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { hashesEqual, hashSecret } from '../../auth/secrets';
import { ACCESS_TOKEN_SECONDS, issueAccessToken } from '../../services/access-tokens';
import { anonymousProcedure } from '../../trpc/init';
import { isoDateSchema } from '../shared/schemas';

const refused = () =>
  new DomainError('UNAUTHORIZED', 'appId and appSecret do not match an active API key.', {
    field: 'appSecret',
  });

/**
 * Application credentials: an API key's id is its app id and the key itself its app secret (so
 * the secret is stored only as the key's hash). Trades them for a 24-hour access token in the
 * organization's default workspace. Needs no other credential: this is how a client starts.
 */
export const exchangeAppCredentials = anonymousProcedure
  .input(
    z.object({
      type: z.literal('application', { error: 'must be "application"' }).optional(),
      appId: z.string().trim().min(1, 'is required').max(64, 'is too long'),
      appSecret: z.string().trim().min(1, 'is required').max(256, 'is too long'),
    }),
  )
  .output(z.object({ token: z.string(), expiresInSeconds: z.number().int(), expiresAt: isoDateSchema }))
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      // No other credential is needed, but one that is sent must be valid, as everywhere.
      if (ctx.auth.kind === 'rejected') throw ctx.auth.error;
      const key = await tx.apiKey.findUnique({ where: { hash: hashSecret(input.appSecret) } });
      if (!key || key.revokedAt || !hashesEqual(hashSecret(key.id), hashSecret(input.appId))) throw refused();
      const workspace = await tx.workspace.findFirst({
        where: { organizationId: key.organizationId },
        orderBy: [{ isDefault: 'desc' }, { createdAt: 'asc' }],
        select: { id: true },
      });
      if (!workspace) throw refused();
      const issued = await issueAccessToken(tx, {
        organizationId: key.organizationId,
        workspaceId: workspace.id,
        apiKeyId: key.id,
        lifetimeSeconds: ACCESS_TOKEN_SECONDS,
        actor: { type: 'API_KEY', id: key.id },
        requestId: ctx.requestId,
      });
      return {
        token: issued.token,
        expiresInSeconds: ACCESS_TOKEN_SECONDS,
        expiresAt: issued.expiresAt.toISOString(),
      };
    }),
  );
