import { protectedProcedure } from '../../trpc/init';
import { presentWebhook } from '../../webhooks/webhook-view';
import { auditWebhook } from './audit-webhook';
import { findWebhook } from './find-webhook';
import { webhookIdInput, webhookSchema, webhooksTag } from './webhook.types';

/** Deletes a subscription and its deliveries; attempts already in flight still finish. */
export const deleteWebhook = protectedProcedure
  .meta({
    openapi: {
      method: 'DELETE',
      path: '/v1/webhooks/{webhookId}',
      summary: 'Delete a webhook subscription',
      tags: webhooksTag,
      protect: true,
    },
  })
  .input(webhookIdInput)
  .output(webhookSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const row = await findWebhook(tx, ctx.organizationId, input.webhookId);
      await tx.webhookSubscription.delete({ where: { id: row.id } });
      const view = presentWebhook(row);
      await auditWebhook(tx, ctx, { action: 'delete', webhookId: row.id, before: view });
      return view;
    }),
  );
