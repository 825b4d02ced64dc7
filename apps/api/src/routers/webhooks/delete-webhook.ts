import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { presentWebhook } from '../../webhooks/webhook-view';
import { findWebhook } from './find-webhook';
import { webhookIdInput, webhookSchema, webhooksTag } from './webhook.types';

/** Deletes a subscription and its deliveries; attempts already in flight still finish. */
export const deleteWebhook = protectedProcedure
  .meta({ openapi: { method: 'DELETE', path: '/v1/webhooks/{webhookId}', tags: webhooksTag, protect: true } })
  .input(webhookIdInput)
  .output(webhookSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const row = await findWebhook(tx, ctx.organizationId, input.webhookId);
      await tx.webhookSubscription.delete({ where: { id: row.id } });
      const view = presentWebhook(row);
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'webhook.delete',
        entityType: 'webhook',
        entityId: row.id,
        before: view,
        requestId: ctx.requestId,
      });
      return view;
    }),
  );
