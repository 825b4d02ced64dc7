import { z } from 'zod';
import { routedConversationSchema } from '../../routers/conversation-routing/conversation-routing.types';
import { conversationsTag } from '../../routers/conversations/conversation.types';
import type { DialectOperation } from '../dialect';

type Routed = z.infer<typeof routedConversationSchema>;

/**
 * Infobip's conversations and their assignment over the project's conversation procedures, whose
 * inputs and answers are Infobip's shapes already. `If-Match` and the RSQL `criteria` filter are
 * Switchboard's extensions; the history is a Switchboard path under the family's prefix. Routing
 * answers Infobip's ConversationResultPage holding the routed conversation.
 */
export const conversationOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/conversations',
    summary: 'Get conversations',
    tags: conversationsTag,
    procedure: 'conversations.list',
  },
  {
    method: 'POST',
    path: '/ccaas/1/conversations',
    summary: 'Create conversation',
    tags: conversationsTag,
    procedure: 'conversations.create',
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}',
    summary: 'Get conversation',
    tags: conversationsTag,
    procedure: 'conversations.get',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/conversations/{conversationId}',
    summary: 'Update conversation',
    tags: conversationsTag,
    procedure: 'conversations.update',
  },
  {
    method: 'PATCH',
    path: '/ccaas/1/conversations/{conversationId}',
    summary: 'Patch conversation',
    tags: conversationsTag,
    procedure: 'conversations.patch',
  },
  {
    method: 'PUT',
    path: '/ccaas/1/conversations/{conversationId}/assignee',
    summary: 'Change conversation assignment',
    tags: conversationsTag,
    procedure: 'conversations.assign',
  },
  {
    method: 'DELETE',
    path: '/ccaas/1/conversations/{conversationId}/assignee',
    summary: 'Unassign conversation agent',
    tags: conversationsTag,
    procedure: 'conversations.unassign',
  },
  {
    method: 'POST',
    path: '/ccaas/1/conversations/{conversationId}/route',
    summary: 'Route conversation',
    tags: conversationsTag,
    procedure: 'conversations.route',
    present: (routed: Routed) => ({ conversations: [routed] }),
    response: z.object({ conversations: z.array(routedConversationSchema) }),
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/history',
    summary: "A conversation's audit events in write order (order=desc: newest first)",
    tags: conversationsTag,
    procedure: 'conversations.history',
  },
];
