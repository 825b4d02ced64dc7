import { conversationList } from '../../blocks/conversation-list';
import type { Reply } from '../../blocks/kit';
import { call } from '../refusal';
import type { Session } from '../session';

export const defaultListLimit = 10;

/** What the More button carries: enough to ask for the next page again. */
export interface ListCursor {
  criteria?: string;
  page: number;
  limit: number;
}

/** One page of conversations, newest first, filtered by the user's criteria in the database. */
export async function listPage(session: Session, cursor: ListCursor): Promise<Reply> {
  const { criteria, page, limit } = cursor;
  const result = await call(
    session.timeoutMs,
    () =>
      session.api.conversations.list.query({
        limit,
        page,
        orderBy: 'createdAt:desc',
        ...(criteria !== undefined ? { criteria } : {}),
      }),
    criteria,
  );
  const offset = page * result.pagination.limit;
  const hasMore = offset + result.conversations.length < result.pagination.totalItems;
  const next: ListCursor = { ...(criteria !== undefined ? { criteria } : {}), page: page + 1, limit };
  return conversationList({
    conversations: result.conversations,
    criteria,
    total: result.pagination.totalItems,
    offset,
    ...(hasMore ? { more: JSON.stringify(next) } : {}),
  });
}
