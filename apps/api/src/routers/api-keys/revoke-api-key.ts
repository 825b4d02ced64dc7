import { DomainError } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { recordAudit } from '../../audit/record-audit';
import { apiKeyIdInput, apiKeySchema, presentApiKey } from './api-key.types';
import { keyManagementProcedure } from './key-management-procedure';

/**
 * Revokes a key: from then on it and every access token exchanged for it answer 401. Revoking a
 * revoked key changes nothing. The last active owner key cannot be revoked, or nobody could
 * manage the organization's keys any more: create another owner key first.
 */
export const revokeApiKey = keyManagementProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/api-keys/{apiKeyId}',
      tags: ['API keys'],
      protect: true,
      summary: 'Revoke an API key and the access tokens made from it (owner key only)',
    },
  })
  .input(apiKeyIdInput)
  .output(apiKeySchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      // Owner keys are locked in a fixed order, so two concurrent revocations of the last two
      // owner keys cannot both see the other one still active.
      await tx.$queryRaw`SELECT id FROM "ApiKey" WHERE "organizationId" = ${ctx.organizationId} AND "isOwner" ORDER BY id FOR UPDATE`;
      const key = await tx.apiKey.findFirst({
        where: { id: input.apiKeyId, organizationId: ctx.organizationId },
        omit: { hash: true },
      });
      if (!key) throw new DomainError('NOT_FOUND', 'API key not found', { field: 'apiKeyId' });
      if (key.revokedAt) return presentApiKey(key);
      if (key.isOwner) await assertAnotherOwnerKey(tx, ctx.organizationId, key.id);

      const revoked = await tx.apiKey.update({
        where: { id: key.id },
        data: { revokedAt: new Date() },
        omit: { hash: true },
      });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'apiKey.revoke',
        entityType: 'apiKey',
        entityId: key.id,
        before: presentApiKey(key),
        after: presentApiKey(revoked),
        requestId: ctx.requestId,
      });
      return presentApiKey(revoked);
    }),
  );

async function assertAnotherOwnerKey(
  tx: Prisma.TransactionClient,
  organizationId: string,
  keyId: string,
): Promise<void> {
  const others = await tx.apiKey.count({
    where: { organizationId, isOwner: true, revokedAt: null, id: { not: keyId } },
  });
  if (others === 0) {
    throw new DomainError(
      'CONFLICT',
      'This is the last active owner key; create another owner key (isOwner: true) before revoking it.',
    );
  }
}
