import { z } from 'zod';
import { conversationHistory } from '../../services/conversations/history';
import { protectedProcedure } from '../../trpc/init';
import { cursorPageInput, isoDateSchema } from '../shared/schemas';
import { conversationIdInput } from './conversation.types';

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
  .input(
    conversationIdInput
      .extend(cursorPageInput.shape)
      .extend({ order: z.enum(['asc', 'desc']).default('asc') }),
  )
  .output(z.object({ events: z.array(historyEventSchema), nextCursor: z.string().nullable() }))
  .query(({ ctx, input }) => conversationHistory(ctx, input));
