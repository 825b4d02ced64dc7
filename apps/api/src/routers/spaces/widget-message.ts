import { z } from 'zod';
import type { MessageView } from '../../services/conversations/messages';

/**
 * A message as Sharely's widget reads it: `role` and `type` from its direction (the customer's
 * are the user's; the team's replies are the assistant's, of type AGENT: a person, not an AI),
 * `content` and `timestamp`. Internal notes never reach the widget.
 */
export const widgetMessageSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  role: z.enum(['user', 'assistant']),
  type: z.enum(['USER', 'AGENT']),
  content: z.string(),
  from: z.string(),
  timestamp: z.string(),
});

export const toWidgetMessage = (message: MessageView): z.infer<typeof widgetMessageSchema> => ({
  id: message.id,
  groupId: message.conversationId,
  role: message.direction === 'IN' ? 'user' : 'assistant',
  type: message.direction === 'IN' ? 'USER' : 'AGENT',
  content: message.text,
  from: message.from,
  timestamp: message.createdAt,
});
