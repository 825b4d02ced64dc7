import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { newestEventSequence } from '../../webhooks/newest-event';
import { checkSubscriptionFields } from '../../webhooks/subscription-fields';
import { presentWebhook } from '../../webhooks/webhook-view';
import { auditWebhook } from './audit-webhook';
import { findWebhook } from './find-webhook';
import { webhookFields, webhookIdInput, webhookSchema, webhooksTag } from './webhook.types';

/**
 * Changes the fields sent (null clears criteria, groupId, description). `enabled: true` turns a
 * disabled subscription back on: its failure streak is forgotten and delivery resumes with the
 * events after now (replay a time range for the ones missed while it was off).
 */
export const updateWebhook = protectedProcedure
  .meta({
    openapi: {
      method: 'PATCH',
      path: '/v1/webhooks/{webhookId}',
      summary: 'Update a webhook subscription (URL, events, filters, enabled)',
      tags: webhooksTag,
      protect: true,
    },
  })
  .input(
    webhookIdInput.extend({
      url: webhookFields.url.optional(),
      events: webhookFields.events.optional(),
      criteria: webhookFields.criteria,
      groupId: webhookFields.groupId,
      description: webhookFields.description,
      enabled: z.boolean().optional(),
    }),
  )
  .output(webhookSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const { webhookId, enabled, ...changes } = input;
      const before = await findWebhook(tx, ctx.organizationId, webhookId);
      const fields = await checkSubscriptionFields(tx, ctx.organizationId, changes, ctx.webhooks);
      const reenabling = enabled === true && !before.enabled;
      const row = await tx.webhookSubscription.update({
        where: { id: before.id },
        data: {
          ...fields,
          ...(enabled === false && before.enabled
            ? { enabled: false, disabledAt: new Date(), disabledReason: 'disabled by a user' }
            : {}),
          ...(reenabling
            ? {
                enabled: true,
                disabledAt: null,
                disabledReason: null,
                failingSince: null,
                cursor: await newestEventSequence(tx, ctx.organizationId),
              }
            : {}),
        },
      });
      const view = presentWebhook(row);
      await auditWebhook(tx, ctx, {
        action: 'update',
        webhookId: row.id,
        before: presentWebhook(before),
        after: view,
      });
      return view;
    }),
  );
