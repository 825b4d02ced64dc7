import type { Reply } from '../../blocks/kit';
import { liveCard } from '../../blocks/live-card';
import type { Session } from '../session';
import { cardDetails } from './card-details';
import { latestMessages } from './latest-messages';

type Conversation = Parameters<typeof cardDetails>[1];

/**
 * The card of a conversation as it is after a command, with a line saying what happened: names,
 * the latest messages with the customer and the history. The messages are best effort.
 */
export async function cardReply(
  session: Session,
  conversation: Conversation,
  notice?: string,
  mark?: string | null,
): Promise<Reply> {
  const [details, messages] = await Promise.all([
    cardDetails(session, conversation),
    latestMessages(session, conversation.id).catch(() => []),
  ]);
  return liveCard(details, { latestMessages: messages, mark, notice });
}
