import { z } from 'zod';
import { listMessagesInput, messagesTag } from '../../routers/messages/message.types';
import { paginationSchema } from '../../routers/shared/page-input';
import type { MessageView } from '../../services/conversations/messages';
import { socialContextInput, socialContextSchema } from '../../shared/social-context';
import type { DialectOperation } from '../dialect';
import { agentHeader, bodyObject, withoutNulls } from './request';
import { singleSendMessageOf } from './social';

/**
 * Infobip's MessageApiResponse: the stored message without Switchboard's own members; a comment's
 * social context where Infobip's document shows it (`singleSendMessage`).
 */
export const toInfobipMessage = (message: MessageView) => ({
  ...withoutNulls({
    id: message.id,
    channel: message.channel,
    from: message.from,
    to: message.to,
    direction: message.direction,
    conversationId: message.conversationId,
    authorId: message.authorId,
    authorType: message.authorType,
    createdAt: message.createdAt,
    updatedAt: message.updatedAt,
    content: message.content,
    contentType: message.contentType,
  }),
  ...singleSendMessageOf(message),
});

export const infobipMessageSchema = z.object({
  id: z.string(),
  channel: z.string().optional(),
  from: z.string(),
  to: z.string().optional(),
  direction: z.enum(['INBOUND', 'OUTBOUND']),
  conversationId: z.string(),
  authorId: z.string().optional(),
  authorType: z.enum(['CUSTOMER', 'AGENT', 'SYSTEM', 'BOT']),
  createdAt: z.string(),
  updatedAt: z.string(),
  content: z.record(z.string(), z.unknown()),
  contentType: z.string(),
  singleSendMessage: z
    .object({ socialContext: socialContextSchema, channel: z.string(), direction: z.string() })
    .optional()
    .describe("A comment's social context (Switchboard extension of create: socialContext)"),
});

type MessagePage = { messages: MessageView[]; pagination: z.infer<typeof paginationSchema> };

export const messageOperations: DialectOperation[] = [
  {
    method: 'POST',
    path: '/ccaas/1/conversations/{conversationId}/messages',
    summary: 'Create message',
    tags: messagesTag,
    procedure: 'messages.create',
    // Infobip's create sends an agent's message: OUTBOUND unless the Switchboard extension
    // `direction` says INBOUND (a customer's message recorded through the API).
    input: (request) => {
      const body = bodyObject(request);
      const agentId = agentHeader(request);
      return {
        direction: 'OUTBOUND',
        ...body,
        ...(agentId !== undefined && body.authorId === undefined ? { authorId: agentId } : {}),
        internal: false,
        conversationId: request.params.conversationId,
      };
    },
    present: toInfobipMessage,
    body: z.object({
      from: z.string(),
      to: z.string(),
      channel: z.string(),
      contentType: z.string(),
      content: z.record(z.string(), z.unknown()),
      direction: z
        .enum(['INBOUND', 'OUTBOUND'])
        .optional()
        .describe('Switchboard extension; default OUTBOUND'),
      socialContext: socialContextInput
        .optional()
        .describe(
          "Switchboard extension: a comment's place on the social network (channel FACEBOOK_POST or INSTAGRAM_POST), read by related comments",
        ),
    }),
    response: infobipMessageSchema,
  },
  {
    method: 'GET',
    path: '/ccaas/1/conversations/{conversationId}/messages',
    summary: 'Get messages',
    tags: messagesTag,
    procedure: 'messages.list',
    input: ({ query, params }) => ({ ...query, internal: false, conversationId: params.conversationId }),
    query: listMessagesInput.omit({ conversationId: true, internal: true }),
    present: ({ messages, pagination }: MessagePage) => ({
      messages: messages.map(toInfobipMessage),
      pagination,
    }),
    response: z.object({ messages: z.array(infobipMessageSchema), pagination: paginationSchema }),
  },
];
