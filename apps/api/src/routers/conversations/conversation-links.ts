import { z } from 'zod';
import { listConversationLinks } from '../../services/conversations/conversation-links';
import { protectedProcedure } from '../../trpc/init';
import { isoDateSchema } from '../shared/schemas';
import { conversationIdInput, conversationSchema } from './conversation.types';

export const conversationLinksOutput = z.object({
  links: z.array(
    z.object({
      parent: conversationSchema,
      child: conversationSchema,
      linkedAt: isoDateSchema.describe("When the link was made: the child's creation"),
    }),
  ),
});

/**
 * The pairs a conversation is in, as parent or as child (its parent first, then its children,
 * oldest first). Infobip's REST path is the dialect's (../../dialects/infobip/linked-conversations.ts).
 */
export const conversationLinks = protectedProcedure
  .input(conversationIdInput)
  .output(conversationLinksOutput)
  .query(({ ctx, input }) => listConversationLinks(ctx, input.conversationId));
