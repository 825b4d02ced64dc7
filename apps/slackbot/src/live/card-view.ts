import type { Reply } from '../blocks/kit';
import { cardReply } from '../commands/conversations/show-card';
import { call } from '../commands/refusal';
import type { Session } from '../commands/session';

/** The card of a conversation as it is now, names and the latest messages included. */
export async function renderLiveCard(
  session: Session,
  conversationId: string,
  extra: { mark?: string | null | undefined; notice?: string } = {},
): Promise<Reply> {
  const conversation = await call(session.timeoutMs, () =>
    session.api.conversations.get.query({ conversationId }),
  );
  return cardReply(session, conversation, extra.notice, extra.mark);
}
