import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { generateApiKey, hashSecret } from '../../auth/secrets';
import { apiKeyNameSchema, createdApiKeySchema, presentApiKey } from './api-key.types';
import { keyManagementProcedure } from './key-management-procedure';

export const createApiKey = keyManagementProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/api-keys',
      tags: ['API keys'],
      protect: true,
      summary: 'Create an API key (owner key only); the key is shown only in this answer',
    },
  })
  .input(
    z.object({
      name: apiKeyNameSchema,
      canActForUsers: z.boolean().default(false),
      isOwner: z.boolean().default(false),
    }),
  )
  .output(createdApiKeySchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const { key, prefix } = generateApiKey();
      const row = await tx.apiKey.create({
        data: {
          organizationId: ctx.organizationId,
          name: input.name,
          prefix,
          hash: hashSecret(key),
          isOwner: input.isOwner,
          canActForUsers: input.canActForUsers,
        },
      });
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'apiKey.create',
        entityType: 'apiKey',
        entityId: row.id,
        after: presentApiKey(row),
        requestId: ctx.requestId,
      });
      return { id: row.id, name: row.name, prefix, key, createdAt: row.createdAt.toISOString() };
    }),
  );
