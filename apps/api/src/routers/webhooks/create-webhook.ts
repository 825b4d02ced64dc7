import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { generateWebhookSecret } from '../../webhooks/secrets';
import { checkSubscriptionFields } from '../../webhooks/subscription-fields';
import { presentWebhook } from '../../webhooks/webhook-view';
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
      // Deliveries start with the events after this one: the log's newest committed event now.
      const newest = await tx.event.findFirst({
        where: { organizationId: ctx.organizationId },
        orderBy: { sequence: 'desc' },
        select: { sequence: true },
      });
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
          cursor: newest?.sequence ?? 0n,
        },
      });
      const view = presentWebhook(row);
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'webhook.create',
        entityType: 'webhook',
        entityId: row.id,
        after: view,
        requestId: ctx.requestId,
      });
      return { ...view, secret };
    }),
  );
