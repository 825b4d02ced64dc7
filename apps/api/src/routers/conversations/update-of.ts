import type { ConversationUpdate } from '../../services/conversations/update-conversation';
import type { UpdateConversationInput } from './conversation.types';

/** Splits a PUT / PATCH input into the target, the properties and the expected versions. */
export function updateOf(input: UpdateConversationInput): ConversationUpdate {
  const { conversationId, version, expectedVersion, ...fields } = input;
  return { conversationId, version, expectedVersion, fields };
}
