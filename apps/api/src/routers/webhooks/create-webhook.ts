import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { newestEventSequence } from '../../webhooks/newest-event';
import { generateWebhookSecret } from '../../webhooks/secrets';
import { checkSubscriptionFields } from '../../webhooks/subscription-fields';
import { presentWebhook } from '../../webhooks/webhook-view';
import { auditWebhook } from './audit-webhook';
import { webhookFields, webhooksTag, webhookWithSecretSchema } from './webhook.types';

export const createWebhook = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/webhooks',
      tags: webhooksTag,
      protect: true,
      summary: 'Subscribe a URL to events; the signing secret is shown only in this answer',
    },
    rest: { status: 201 },
  })
  .input(z.object(webhookFields))
  .output(webhookWithSecretSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const fields = await checkSubscriptionFields(tx, ctx.organizationId, input, ctx.webhooks);
      const secret = generateWebhookSecret();
      const row = await tx.webhookSubscription.create({
        data: {
          organizationId: ctx.organizationId,
          url: input.url,
          events: fields.events ?? [],
          criteria: fields.criteria ?? null,
          groupId: fields.groupId ?? null,
          description: fields.description ?? null,
          secret,
          cursor: await newestEventSequence(tx, ctx.organizationId),
        },
      });
      const view = presentWebhook(row);
      await auditWebhook(tx, ctx, { action: 'create', webhookId: row.id, after: view });
      return { ...view, secret };
    }),
  );
