import type { CriteriaAst } from '@switchboard/core';
import {
  type ConversationCursor,
  countConversationsMatching,
  findConversationIdsMatching,
  type PrismaClient,
} from '@switchboard/db';
import type { ConversationRow } from '../conversations/conversation-row';
import { findConversationsInOrder } from '../conversations/find-conversation';
import { encodeMemberCursor } from './member-cursor';

export interface MemberPage {
  limit: number;
  offset: number;
  cursor?: ConversationCursor | undefined;
  order: 'asc' | 'desc';
}

/**
 * One page of the conversations matching `criteria`, ordered by createdAt (then id), and how
 * many match in all. Both run in the database (criteria compiled to SQL); only the page's rows
 * are loaded.
 */
export async function findMembers(
  prisma: PrismaClient,
  organizationId: string,
  criteria: CriteriaAst,
  page: MemberPage,
): Promise<{ rows: ConversationRow[]; totalCount: number; nextCursor: string | null }> {
  const totalCount = await countConversationsMatching(prisma, { organizationId, criteria });
  const ids = await findConversationIdsMatching(prisma, {
    organizationId,
    criteria,
    orderBy: 'createdAt',
    direction: page.order,
    limit: page.limit + 1,
    offset: page.offset,
    cursor: page.cursor,
  });
  const rows = await findConversationsInOrder(prisma, organizationId, ids.slice(0, page.limit));
  const last = rows.at(-1);
  return { rows, totalCount, nextCursor: ids.length > page.limit && last ? encodeMemberCursor(last) : null };
}
