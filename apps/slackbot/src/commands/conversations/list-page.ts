import { conversationList } from '../../blocks/conversation-list';
import type { Reply } from '../../blocks/kit';
import { call } from '../refusal';
import type { Session } from '../session';

export const defaultListLimit = 10;

/** What the Previous / Next buttons carry: enough to ask for that page again. */
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
  const at = (to: number) =>
    JSON.stringify({ ...(criteria !== undefined ? { criteria } : {}), page: to, limit } satisfies ListCursor);
  return conversationList({
    conversations: result.conversations,
    criteria,
    total: result.pagination.totalItems,
    offset,
    ...(page > 0 ? { previous: at(page - 1) } : {}),
    ...(hasMore ? { next: at(page + 1) } : {}),
  });
}
