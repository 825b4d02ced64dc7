import { DomainError } from '@switchboard/core';
import {
  type ConversationOrder,
  countConversationsMatching,
  findConversationIdsMatching,
  type SortDirection,
} from '@switchboard/db';
import type { ServiceContext } from '../service-context';
import { type ConversationView, presentConversation } from './conversation-view';
import { findConversationsInOrder } from './find-conversation';
import { type ConversationListFilters, listCriteria } from './list-filters';

export interface ConversationListQuery extends ConversationListFilters {
  limit?: number | undefined;
  page?: number | undefined;
  orderBy?: string | undefined;
}

export interface ConversationListPage {
  conversations: ConversationView[];
  pagination: { totalItems: number; page: number; limit: number; orderBy: string };
}

/** Infobip's default page size; its documented maximum (999) is the input's bound. */
export const defaultConversationPageSize = 10;
const orderFields: readonly ConversationOrder[] = ['createdAt', 'updatedAt', 'id'];

/**
 * Infobip's conversation list: filters and criteria are one AST compiled to SQL, so matching,
 * counting, ordering and paging all happen in the database; only the page's rows are read.
 */
export async function listConversations(
  ctx: Pick<ServiceContext, 'prisma' | 'organizationId'>,
  query: ConversationListQuery,
): Promise<ConversationListPage> {
  const criteria = listCriteria(query);
  const order = parseOrderBy(query.orderBy);
  const limit = query.limit ?? defaultConversationPageSize;
  const page = query.page ?? 0;
  const filter = { organizationId: ctx.organizationId, criteria };
  const [ids, totalItems] = await Promise.all([
    findConversationIdsMatching(ctx.prisma, {
      ...filter,
      orderBy: order.field,
      direction: order.direction,
      limit,
      offset: page * limit,
    }),
    countConversationsMatching(ctx.prisma, filter),
  ]);
  const rows = await findConversationsInOrder(ctx.prisma, ctx.organizationId, ids);
  return {
    conversations: rows.map(presentConversation),
    pagination: { totalItems, page, limit, orderBy: `${order.field}:${order.direction.toUpperCase()}` },
  };
}

/** `createdAt:desc`, `updatedAt` (ascending), `createdAt:ASC`; oldest first by default. */
export function parseOrderBy(text: string | undefined): {
  field: ConversationOrder;
  direction: SortDirection;
} {
  if (text === undefined || text.trim() === '') return { field: 'createdAt', direction: 'asc' };
  const [field = '', direction = 'asc', ...rest] = text.trim().split(':');
  const normalized = direction.toLowerCase();
  const known = (orderFields as readonly string[]).includes(field);
  if (!known || (normalized !== 'asc' && normalized !== 'desc') || rest.length > 0) {
    throw new DomainError(
      'VALIDATION',
      `orderBy must be <field>:<direction> with field one of ${orderFields.join(', ')} and direction asc or desc, e.g. "createdAt:desc".`,
      { field: 'orderBy', allowed: orderFields.flatMap((name) => [`${name}:asc`, `${name}:desc`]) },
    );
  }
  return { field: field as ConversationOrder, direction: normalized };
}
