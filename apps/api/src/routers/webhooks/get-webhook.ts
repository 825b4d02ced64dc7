import { protectedProcedure } from '../../trpc/init';
import { presentWebhook } from '../../webhooks/webhook-view';
import { findWebhook } from './find-webhook';
import { webhookIdInput, webhookSchema, webhooksTag } from './webhook.types';

export const getWebhook = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/webhooks/{webhookId}',
      summary: 'Get a webhook subscription (never its secret)',
      tags: webhooksTag,
      protect: true,
    },
  })
  .input(webhookIdInput)
  .output(webhookSchema)
  .query(async ({ ctx, input }) =>
    presentWebhook(await findWebhook(ctx.prisma, ctx.organizationId, input.webhookId)),
  );
