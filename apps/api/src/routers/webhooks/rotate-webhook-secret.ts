import { protectedProcedure } from '../../trpc/init';
import { generateWebhookSecret } from '../../webhooks/secrets';
import { presentWebhook } from '../../webhooks/webhook-view';
import { auditWebhook } from './audit-webhook';
import { findWebhook } from './find-webhook';
import { webhookIdInput, webhooksTag, webhookWithSecretSchema } from './webhook.types';

/**
 * A new signing secret, shown only in this answer. The one it replaces keeps signing beside it
 * for 24 hours (deliveries carry both signatures), so receivers can switch without losing any.
 */
export const rotateWebhookSecret = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/webhooks/{webhookId}/rotate-secret',
      tags: webhooksTag,
      protect: true,
      summary: 'Replace the signing secret; the old one keeps signing for 24 hours',
    },
  })
  .input(webhookIdInput)
  .output(webhookWithSecretSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await tx.$queryRaw`SELECT "id" FROM "WebhookSubscription" WHERE "id" = ${input.webhookId} AND "organizationId" = ${ctx.organizationId} FOR UPDATE`;
      const before = await findWebhook(tx, ctx.organizationId, input.webhookId);
      const secret = generateWebhookSecret();
      const now = new Date();
      const row = await tx.webhookSubscription.update({
        where: { id: before.id },
        data: {
          secret,
          previousSecret: before.secret,
          previousSecretExpiresAt: new Date(now.getTime() + ctx.webhooks.secretOverlapMs),
        },
      });
      const view = presentWebhook(row, now);
      await auditWebhook(tx, ctx, {
        action: 'update',
        webhookId: row.id,
        before: presentWebhook(before, now),
        after: view,
      });
      return { ...view, secret };
    }),
  );
