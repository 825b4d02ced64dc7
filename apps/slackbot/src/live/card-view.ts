import type { Reply } from '../blocks/kit';
import { type CustomerMessage, liveCard } from '../blocks/live-card';
import { cardDetails } from '../commands/conversations/card-details';
import { call } from '../commands/refusal';
import type { Session } from '../commands/session';

// Messages read per page when looking for the newest customer message (the list is oldest first).
const pageSize = 20;

/** The live card of a conversation as it is now, names and the latest customer message included. */
export async function renderLiveCard(
  session: Session,
  conversationId: string,
  extra: { mark?: string | null | undefined; notice?: string } = {},
): Promise<Reply> {
  const conversation = await call(session.timeoutMs, () =>
    session.api.conversations.get.query({ conversationId }),
  );
  const [details, latestCustomerMessage] = await Promise.all([
    cardDetails(session, conversation),
    latestFromCustomer(session, conversationId).catch(() => null),
  ]);
  return liveCard(details, { latestCustomerMessage, ...extra });
}

/** The newest inbound message that is not an internal note: the last page, then the one before. */
async function latestFromCustomer(session: Session, conversationId: string): Promise<CustomerMessage | null> {
  const read = (page: number) =>
    call(session.timeoutMs, () => session.api.messages.list.query({ conversationId, limit: pageSize, page }));
  const first = await read(0);
  const lastPage = Math.max(0, Math.ceil(first.pagination.totalItems / pageSize) - 1);
  for (let page = lastPage; page >= Math.max(0, lastPage - 1); page--) {
    const { messages } = page === 0 ? first : await read(page);
    const found = messages.filter((m) => m.direction === 'INBOUND' && !m.internal).at(-1);
    if (found) return { from: found.from, text: found.text, createdAt: found.createdAt };
  }
  return null;
}
