import { DomainError } from '@switchboard/core';
import type { ServiceContext } from '../service-context';
import { loadSettings } from '../settings/load-settings';
import { findConversation } from './find-conversation';
import { type MessageView, presentMessage } from './messages';

export interface MessageListQuery {
  conversationId: string;
  limit?: number | undefined;
  /** Infobip paging: 0-based page of `limit` messages. */
  page?: number | undefined;
  /** tRPC paging: the id of the last message of the previous page (`nextCursor`). */
  cursor?: string | undefined;
}

/** Infobip's default page size; the organization's maximum page size caps any request. */
const defaultMessagePageSize = 10;

/**
 * A conversation's messages, oldest first, answered in Infobip's list shape plus `nextCursor`.
 * Either `page` (offset) or `cursor` (keyset, stable while messages arrive) selects the page.
 */
export async function listMessages(
  ctx: Pick<ServiceContext, 'prisma' | 'organizationId'>,
  query: MessageListQuery,
) {
  if (query.cursor !== undefined && (query.page ?? 0) > 0) {
    throw new DomainError('VALIDATION', 'Send either page or cursor, not both.', { field: 'cursor' });
  }
  const { organizationId } = ctx;
  const conversation = await findConversation(ctx.prisma, organizationId, query.conversationId);
  const settings = await loadSettings(ctx.prisma, organizationId);
  const limit = Math.min(query.limit ?? defaultMessagePageSize, settings.pagination.maxPageSize);
  const page = query.page ?? 0;
  const where = { organizationId, conversationId: conversation.id };
  if (
    query.cursor !== undefined &&
    !(await ctx.prisma.message.findFirst({ where: { ...where, id: query.cursor } }))
  ) {
    throw new DomainError('VALIDATION', 'cursor is not a message of this conversation; use nextCursor.', {
      field: 'cursor',
    });
  }
  const [rows, totalItems] = await Promise.all([
    ctx.prisma.message.findMany({
      where,
      orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
      take: limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : { skip: page * limit }),
    }),
    ctx.prisma.message.count({ where }),
  ]);
  const items = rows.slice(0, limit);
  const messages: MessageView[] = items.map(presentMessage);
  return {
    messages,
    pagination: { totalItems, page, limit, orderBy: 'createdAt:asc' },
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}
