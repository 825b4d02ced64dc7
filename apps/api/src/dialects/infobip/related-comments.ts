import { z } from 'zod';
import { messagesTag } from '../../routers/messages/message.types';
import type { MessageView } from '../../services/conversations/messages';
import type { RelatedComments } from '../../services/conversations/related-comments';
import type { DialectOperation } from '../dialect';
import { infobipMessageSchema, toInfobipMessage } from './messages';
import { withoutNulls } from './request';
import { singleSendMessageOf } from './social';

/** Infobip's RelatedMessageApiResponse: the author by their name on the network. */
const toRelatedMessage = (message: MessageView) => ({
  ...withoutNulls({
    id: message.id,
    channel: message.channel,
    authorName: message.socialContext?.username ?? message.from,
    direction: message.direction,
    conversationId: message.conversationId,
    createdAt: message.createdAt,
    content: message.content,
    contentType: message.contentType,
  }),
  ...singleSendMessageOf(message),
});

const relatedMessageSchema = z.object({
  id: z.string(),
  channel: z.string(),
  authorName: z.string(),
  direction: z.enum(['INBOUND', 'OUTBOUND']),
  conversationId: z.string(),
  createdAt: z.string(),
  content: z.record(z.string(), z.unknown()),
  contentType: z.string(),
  singleSendMessage: z.record(z.string(), z.unknown()).optional(),
});

export const relatedCommentOperations: DialectOperation[] = [
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/related-comments',
    summary: 'Get related comments',
    tags: messagesTag,
    procedure: 'messages.relatedComments',
    present: ({ comment, olderComments, newerComments }: RelatedComments) => ({
      conversationsMessage: toInfobipMessage(comment),
      olderComments: olderComments.map(toRelatedMessage),
      newerComments: newerComments.map(toRelatedMessage),
    }),
    response: z.object({
      conversationsMessage: infobipMessageSchema,
      olderComments: z.array(relatedMessageSchema),
      newerComments: z.array(relatedMessageSchema),
    }),
  },
];
