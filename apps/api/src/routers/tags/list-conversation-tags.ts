import { z } from 'zod';
import { listConversationTags } from '../../services/conversations/conversation-tags';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { conversationTagSchema } from './tag.types';

/** A conversation's tags in the order they were added, each with the time it was added. */
export const listForConversation = protectedProcedure
  .input(z.object({ conversationId: idSchema }))
  .output(z.object({ tags: z.array(conversationTagSchema) }))
  .query(async ({ ctx, input }) => ({ tags: await listConversationTags(ctx, input.conversationId) }));
