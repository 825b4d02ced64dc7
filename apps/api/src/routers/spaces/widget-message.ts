import { z } from 'zod';
import type { MessageView } from '../../services/conversations/messages';

/** Messages a widget visitor sends are `from: "visitor:<temporalUserId>"`. */
export const VISITOR_PREFIX = 'visitor:';

/**
 * A message of a space's chat: the customer's (`IN`, Sharely's USER) or the team's reply (`OUT`:
 * a person, so AGENT, not Sharely's AI). Internal notes never reach a chat.
 */
export const spaceMessageSchema = z.object({
  id: z.string(),
  groupId: z.string(),
  fromCustomer: z.boolean(),
  from: z.string(),
  temporalUserId: z.string().nullable(),
  text: z.string(),
  createdAt: z.string(),
});
export type SpaceMessage = z.infer<typeof spaceMessageSchema>;

export const toSpaceMessage = (message: MessageView): SpaceMessage => ({
  id: message.id,
  groupId: message.conversationId,
  fromCustomer: message.direction === 'INBOUND',
  from: message.from,
  temporalUserId: message.from.startsWith(VISITOR_PREFIX) ? message.from.slice(VISITOR_PREFIX.length) : null,
  text: message.text,
  createdAt: message.createdAt,
});
