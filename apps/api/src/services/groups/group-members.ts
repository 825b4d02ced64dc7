import type { CriteriaAst } from '@switchboard/core';
import {
  type ConversationCursor,
  type ConversationOrder,
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
  /** Sort keys (default createdAt), all in `order`; more than createdAt pages by offset only. */
  sort?: readonly ConversationOrder[] | undefined;
}

export interface Members {
  rows: ConversationRow[];
  nextCursor: string | null;
}

/**
 * One page of the conversations matching `criteria`, ordered by createdAt (then id). The criteria
 * are compiled to SQL; only the page's rows are loaded. Its cost does not grow with the group:
 * the page is read along the createdAt index.
 */
export async function findMemberPage(
  prisma: PrismaClient,
  organizationId: string,
  criteria: CriteriaAst | undefined,
  page: MemberPage,
): Promise<Members> {
  const ids = await findConversationIdsMatching(prisma, {
    organizationId,
    criteria,
    orderBy: page.sort?.[0] ?? 'createdAt',
    thenBy: page.sort?.slice(1),
    direction: page.order,
    limit: page.limit + 1,
    offset: page.offset,
    cursor: page.cursor,
  });
  const rows = await findConversationsInOrder(prisma, organizationId, ids.slice(0, page.limit));
  const last = rows.at(-1);
  return { rows, nextCursor: ids.length > page.limit && last ? encodeMemberCursor(last) : null };
}

/**
 * The page and how many match in all. The exact count reads every match, so it grows with the
 * group (hundreds of ms for 100 000 matches); it runs beside the page, on a second pooled
 * connection on PostgreSQL (PGlite's single connection takes them in turn), so the answer takes
 * the longer of the two instead of their sum.
 */
export async function findMembers(
  prisma: PrismaClient,
  organizationId: string,
  criteria: CriteriaAst | undefined,
  page: MemberPage,
): Promise<Members & { totalCount: number }> {
  const [totalCount, members] = await Promise.all([
    countConversationsMatching(prisma, { organizationId, criteria }),
    findMemberPage(prisma, organizationId, criteria, page),
  ]);
  return { ...members, totalCount };
}
