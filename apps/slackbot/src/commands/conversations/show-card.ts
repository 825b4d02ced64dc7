import { conversationCard } from '../../blocks/conversation-card';
import type { Reply } from '../../blocks/kit';
import type { Session } from '../session';
import { cardDetails } from './card-details';

type Conversation = Parameters<typeof cardDetails>[1];

/** The card of a conversation as it is after a command, with a line saying what happened. */
export async function cardReply(
  session: Session,
  conversation: Conversation,
  notice?: string,
): Promise<Reply> {
  return conversationCard(await cardDetails(session, conversation), notice);
}
