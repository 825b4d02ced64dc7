import { z } from 'zod';
import { conversationSchema } from '../../services/conversations/conversation-view';
import { idSchema } from '../shared/schemas';

/**
 * Symbl's member query: `limit` (capped at the organization's maxPageSize; default its
 * defaultPageSize), `offset`, `order` by createdAt (default desc, newest first), `startTime` /
 * `endTime` (ISO-8601, inclusive createdAt window) and `filter` (criteria ANDed with the
 * group's). tRPC clients may page with `cursor` (the previous page's nextCursor) instead of offset.
 */
export const membersInput = z.object({
  groupId: idSchema,
  limit: z.number().int().min(0).optional(),
  offset: z.number().int().min(0).max(1_000_000).default(0),
  cursor: z.string().min(1).max(512).optional(),
  order: z.enum(['asc', 'desc']).default('desc'),
  startTime: z.string().max(64).optional(),
  endTime: z.string().max(64).optional(),
  filter: z.string().optional(),
});

/** `groups.memberPage`: one page, no total. */
export const memberPageOutput = z.object({
  conversations: z.array(conversationSchema),
  limit: z.number().int().nonnegative(),
  offset: z.number().int().nonnegative(),
  /** Pass as `cursor` for the next page; null on the last page. */
  nextCursor: z.string().nullable(),
});

/** `groups.members` (Symbl's GET /v1/groups/{groupId}/conversations): the page and the total. */
export const membersOutput = memberPageOutput.extend({
  /** Members matching criteria, filter and time window, over all pages. */
  totalCount: z.number().int().nonnegative(),
});
