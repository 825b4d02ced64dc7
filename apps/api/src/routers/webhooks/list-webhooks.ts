import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { presentWebhook } from '../../webhooks/webhook-view';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput } from '../shared/schemas';
import { webhookSchema, webhooksTag } from './webhook.types';

export const listWebhooks = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/webhooks',
      summary: 'List webhook subscriptions',
      tags: webhooksTag,
      protect: true,
    },
  })
  .input(cursorPageInput)
  .output(z.object({ webhooks: z.array(webhookSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.webhookSubscription.findMany({
      where: { organizationId: ctx.organizationId },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { webhooks: page.items.map((row) => presentWebhook(row)), nextCursor: page.nextCursor };
  });
