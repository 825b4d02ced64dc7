import { z } from 'zod';
import { conversationsTag } from '../../routers/conversations/conversation.types';
import type { ConversationLinkView } from '../../services/conversations/conversation-links';
import type { ConversationView } from '../../services/conversations/conversation-view';
import type { DialectOperation } from '../dialect';
import { withoutNulls } from './request';

/**
 * Infobip's LinkedConversationMember. Switchboard keeps no customer profile, so
 * `customerDisplayName` (optional in the document) is left out.
 */
const toMember = (conversation: ConversationView) =>
  withoutNulls({
    conversationId: conversation.id,
    createdAt: conversation.createdAt,
    updatedAt: conversation.updatedAt,
    agentId: conversation.agentId,
    topic: conversation.topic,
    channel: conversation.channel,
    status: conversation.status,
  });

const memberSchema = z.object({
  conversationId: z.string(),
  createdAt: z.string(),
  updatedAt: z.string(),
  agentId: z.string().optional(),
  topic: z.string().optional(),
  channel: z.string(),
  status: z.enum(['OPEN', 'WAITING', 'SOLVED', 'CLOSED']),
});

export const linkedConversationOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/links',
    summary: 'Get linked conversations',
    tags: conversationsTag,
    procedure: 'conversations.links',
    present: ({ links }: { links: ConversationLinkView[] }) => ({
      linkedConversations: links.map((link) => ({
        parentConversation: toMember(link.parent),
        childConversation: toMember(link.child),
      })),
    }),
    response: z.object({
      linkedConversations: z.array(
        z.object({ parentConversation: memberSchema, childConversation: memberSchema }),
      ),
    }),
  },
];
