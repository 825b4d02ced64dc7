import { z } from 'zod';
import type { SpaceMessage } from '../../routers/spaces/widget-message';

/** The widget's message (its `Message` type): role, type, content, timestamp. */
const toWidgetMessage = (message: SpaceMessage) => ({
  id: message.id,
  groupId: message.groupId,
  role: message.fromCustomer ? 'user' : 'assistant',
  type: message.fromCustomer ? 'USER' : 'AGENT',
  content: message.text,
  from: message.from,
  timestamp: message.createdAt,
});

const widgetMessageSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  role: z.enum(['user', 'assistant']),
  type: z.enum(['USER', 'AGENT']),
  content: z.string(),
  from: z.string(),
  timestamp: z.string(),
});

/**
 * The documented message (spaces-messages.md): `message` is the text; Switchboard has no AI
 * answers, so `content`, `sources` and `sourcesMetadata` (an AI answer's extras) are null and
 * there are no thumbs. `user` is who wrote a customer message (its `from`), null for the team's.
 */
const toDocumentedMessage = (message: SpaceMessage) => ({
  id: message.id,
  type: message.fromCustomer ? 'USER' : 'AGENT',
  message: message.text,
  temporalUserId: message.temporalUserId,
  content: null,
  sources: null,
  sourcesMetadata: null,
  thumbUp: false,
  thumbDown: false,
  user: message.fromCustomer
    ? { id: message.temporalUserId ?? message.from, name: message.from, photo: null }
    : null,
  groupId: message.groupId,
  createdAt: message.createdAt,
});

const documentedMessageSchema = z.object({
  id: z.string(),
  type: z.enum(['USER', 'AGENT']),
  message: z.string(),
  temporalUserId: z.string().nullable(),
  content: z.null(),
  sources: z.null(),
  sourcesMetadata: z.null(),
  thumbUp: z.boolean(),
  thumbDown: z.boolean(),
  user: z.object({ id: z.string(), name: z.string(), photo: z.null() }).nullable(),
  groupId: z.string(),
  createdAt: z.string(),
});

type Listed = { messages: SpaceMessage[] };

export const presentWidgetMessages = ({ messages }: Listed) => ({ messages: messages.map(toWidgetMessage) });
export const widgetMessagesSchema = z.object({ messages: z.array(widgetMessageSchema) });
export const presentWidgetPost = ({ message }: { message: SpaceMessage }) => ({
  message: toWidgetMessage(message),
  reply: null,
});
export const widgetPostSchema = z.object({ message: widgetMessageSchema, reply: z.null() });
export const presentDocumentedMessages = ({ messages }: Listed) => ({
  messages: messages.map(toDocumentedMessage),
});
export const documentedMessagesSchema = z.object({ messages: z.array(documentedMessageSchema) });
