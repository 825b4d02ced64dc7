import type { WebhookDeliveryModel as WebhookDelivery } from '@switchboard/db';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput, toIso, toIsoOrNull } from '../shared/schemas';
import { findWebhook } from './find-webhook';
import { deliverySchema, webhookIdInput, webhooksTag } from './webhook.types';

export const listDeliveries = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/webhooks/{webhookId}/deliveries',
      tags: webhooksTag,
      protect: true,
      summary: "A subscription's deliveries: status, attempts and the receiver's last answer",
    },
  })
  .input(
    webhookIdInput.merge(cursorPageInput).extend({
      status: deliverySchema.shape.status.optional(),
      eventId: z.string().max(64).optional(),
    }),
  )
  .output(z.object({ deliveries: z.array(deliverySchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const webhook = await findWebhook(ctx.prisma, ctx.organizationId, input.webhookId);
    const rows = await ctx.prisma.webhookDelivery.findMany({
      where: {
        organizationId: ctx.organizationId,
        subscriptionId: webhook.id,
        ...(input.status ? { status: input.status } : {}),
        ...(input.eventId ? { eventId: input.eventId } : {}),
      },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { deliveries: page.items.map(presentDelivery), nextCursor: page.nextCursor };
  });

const presentDelivery = (row: WebhookDelivery): z.infer<typeof deliverySchema> => ({
  id: row.id,
  webhookId: row.subscriptionId,
  eventId: row.eventId,
  eventSequence: row.eventSequence.toString(),
  eventType: row.eventType,
  status: row.status,
  attempts: row.attempts,
  nextAttemptAt: row.status === 'PENDING' ? toIso(row.nextAttemptAt) : null,
  firstAttemptAt: toIsoOrNull(row.firstAttemptAt),
  lastAttemptAt: toIsoOrNull(row.lastAttemptAt),
  lastStatusCode: row.lastStatusCode,
  lastResponseBody: row.lastResponseBody,
  lastError: row.lastError,
  deliveredAt: toIsoOrNull(row.deliveredAt),
  createdAt: toIso(row.createdAt),
});
