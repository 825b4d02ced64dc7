import { z } from 'zod';
import { conversationHistory } from '../../services/conversations/history';
import { protectedProcedure } from '../../trpc/init';
import { cursorPageInput, isoDateSchema } from '../shared/schemas';
import { conversationIdInput, conversationsTag } from './conversation.types';

const historyEventSchema = z.object({
  id: z.string(),
  action: z.string(),
  actor: z.object({ type: z.string(), id: z.string() }),
  before: z.unknown(),
  after: z.unknown(),
  requestId: z.string().nullable(),
  createdAt: isoDateSchema,
});

/** The conversation's audit trail: who changed what, with the views before and after. */
export const historyProcedure = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/conversations/{conversationId}/history',
      tags: conversationsTag,
      protect: true,
      summary: "A conversation's audit events in write order (order=desc: newest first)",
    },
  })
  .input(
    conversationIdInput
      .extend(cursorPageInput.shape)
      .extend({ order: z.enum(['asc', 'desc']).default('asc') }),
  )
  .output(z.object({ events: z.array(historyEventSchema), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => conversationHistory(ctx, input));
