import { DomainError } from '@switchboard/core';
import type { MessageDirection, Prisma } from '@switchboard/db';
import { instantRange } from '../../shared/instant-range';
import type { ReadContext } from '../service-context';
import { findConversation } from './find-conversation';
import { type MessageView, presentMessage } from './messages';

export interface MessageListQuery {
  conversationId: string;
  limit?: number | undefined;
  /** Infobip paging: 0-based page of `limit` messages. */
  page?: number | undefined;
  /** `id` or `createdAt`, with `:asc` or `:desc` (any case). */
  orderBy?: string | undefined;
  messageIds?: readonly string[] | undefined;
  channel?: string | undefined;
  direction?: MessageDirection | undefined;
  createdAfter?: string | undefined;
  createdBefore?: string | undefined;
  /** Only notes (true) or only messages (false). */
  internal?: boolean | undefined;
  /** tRPC paging: the id of the last message of the previous page (`nextCursor`). */
  cursor?: string | undefined;
}

/** Infobip's default page size; its documented maximum (999) is the input's bound. */
const defaultMessagePageSize = 10;
const orderFields = ['createdAt', 'id'] as const;
type Order = { field: (typeof orderFields)[number]; direction: 'asc' | 'desc' };

/**
 * A conversation's messages in Infobip's list shape plus `nextCursor`, oldest first unless
 * `orderBy` says otherwise. Either `page` (offset) or `cursor` (keyset, stable while messages
 * arrive) selects the page; every filter runs in the database.
 */
export async function listMessages(ctx: ReadContext, query: MessageListQuery) {
  if (query.cursor !== undefined && (query.page ?? 0) > 0) {
    throw new DomainError('VALIDATION', 'Send either page or cursor, not both.', { field: 'cursor' });
  }
  const order = parseMessageOrder(query.orderBy);
  const { organizationId } = ctx;
  const conversation = await findConversation(ctx.reads, organizationId, query.conversationId);
  const limit = query.limit ?? defaultMessagePageSize;
  const page = query.page ?? 0;
  const where = { organizationId, conversationId: conversation.id, ...messageFilters(query) };
  if (
    query.cursor !== undefined &&
    !(await ctx.prisma.message.findFirst({ where: { ...where, id: query.cursor } }))
  ) {
    throw new DomainError('VALIDATION', 'cursor is not a message of this list; use nextCursor.', {
      field: 'cursor',
    });
  }
  const orderBy: Prisma.MessageOrderByWithRelationInput[] =
    order.field === 'id'
      ? [{ id: order.direction }]
      : [{ createdAt: order.direction }, { id: order.direction }];
  const [rows, totalItems] = await Promise.all([
    ctx.prisma.message.findMany({
      where,
      orderBy,
      take: limit + 1,
      ...(query.cursor ? { cursor: { id: query.cursor }, skip: 1 } : { skip: page * limit }),
    }),
    ctx.prisma.message.count({ where }),
  ]);
  const items = rows.slice(0, limit);
  const messages: MessageView[] = items.map(presentMessage);
  return {
    messages,
    pagination: { totalItems, page, limit, orderBy: `${order.field}:${order.direction.toUpperCase()}` },
    nextCursor: rows.length > limit ? (items.at(-1)?.id ?? null) : null,
  };
}

function messageFilters(query: MessageListQuery): Prisma.MessageWhereInput {
  const createdAt = instantRange(
    { after: 'createdAfter', before: 'createdBefore' },
    query.createdAfter,
    query.createdBefore,
  );
  return {
    ...(query.messageIds && query.messageIds.length > 0 ? { id: { in: [...query.messageIds] } } : {}),
    ...(query.channel !== undefined ? { channel: query.channel } : {}),
    ...(query.direction !== undefined ? { direction: query.direction } : {}),
    ...(query.internal !== undefined ? { internal: query.internal } : {}),
    ...(createdAt ? { createdAt } : {}),
  };
}

/** `createdAt:desc`, `id:ASC`, `createdAt` (ascending); oldest first by default. */
export function parseMessageOrder(text: string | undefined): Order {
  if (text === undefined || text.trim() === '') return { field: 'createdAt', direction: 'asc' };
  const [field = '', direction = 'asc', ...rest] = text.trim().split(':');
  const normalized = direction.toLowerCase();
  if (
    !(orderFields as readonly string[]).includes(field) ||
    (normalized !== 'asc' && normalized !== 'desc') ||
    rest.length > 0
  ) {
    throw new DomainError(
      'VALIDATION',
      `orderBy must be <field>:<direction> with field one of ${orderFields.join(', ')} and direction asc or desc, e.g. "id:ASC".`,
      { field: 'orderBy' },
    );
  }
  return { field: field as Order['field'], direction: normalized };
}
