import type { CardMessage } from '../../blocks/live-card';
import { call } from '../refusal';
import type { Session } from '../session';

// Messages read per page when looking for the newest ones (the list is oldest first).
const pageSize = 20;
export const messagesOnCard = 3;

/**
 * The newest messages with the customer (internal notes left out), oldest first: the last page,
 * and the one before when the last holds too few.
 */
export async function latestMessages(session: Session, conversationId: string): Promise<CardMessage[]> {
  const read = (page: number) =>
    call(session.timeoutMs, () => session.api.messages.list.query({ conversationId, limit: pageSize, page }));
  const first = await read(0);
  const lastPage = Math.max(0, Math.ceil(first.pagination.totalItems / pageSize) - 1);
  const found: CardMessage[] = [];
  for (let page = lastPage; page >= Math.max(0, lastPage - 1) && found.length < messagesOnCard; page--) {
    const { messages } = page === 0 ? first : await read(page);
    const shown = messages
      .filter((m) => !m.internal)
      .map(({ from, text, direction, createdAt }) => ({ from, text, direction, createdAt }));
    found.unshift(...shown);
  }
  return found.slice(-messagesOnCard);
}
