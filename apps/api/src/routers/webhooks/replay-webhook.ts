import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { replayEvents } from '../../webhooks/replay';
import { isoDateSchema } from '../shared/schemas';
import { findWebhook } from './find-webhook';
import { webhookIdInput, webhooksTag } from './webhook.types';

/**
 * Delivers again one event (`eventId`, whatever the subscription's filters say) or every event
 * of a time range that the subscription selects (`since`, optional `until`). A replay is the
 * same delivery again: same webhook-id, a fresh retry schedule.
 */
export const replayWebhook = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/v1/webhooks/{webhookId}/replay',
      tags: webhooksTag,
      protect: true,
      summary: 'Deliver one event, or the events of a time range, again',
    },
  })
  .input(
    webhookIdInput.extend({
      eventId: z.string().min(1).max(64).optional(),
      since: isoDateSchema.optional(),
      until: isoDateSchema.optional(),
    }),
  )
  .output(z.object({ replayed: z.number().int().nonnegative() }))
  .mutation(async ({ ctx, input }) => {
    if ((input.eventId === undefined) === (input.since === undefined)) {
      throw new DomainError('VALIDATION', 'Send either eventId, or since (and optionally until).', {
        field: 'eventId',
      });
    }
    const webhook = await findWebhook(ctx.prisma, ctx.organizationId, input.webhookId);
    const replayed = await replayEvents(ctx.prisma, webhook, {
      eventId: input.eventId,
      since: input.since === undefined ? undefined : instant(input.since, 'since'),
      until: input.until === undefined ? undefined : instant(input.until, 'until'),
    });
    return { replayed };
  });

function instant(text: string, field: string): Date {
  const date = new Date(text);
  if (Number.isNaN(date.getTime())) {
    throw new DomainError('VALIDATION', `${field}: not an ISO-8601 instant such as "2026-01-01T00:00:00Z"`, {
      field,
    });
  }
  return date;
}
