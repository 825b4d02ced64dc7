import { z } from 'zod';
import { presentConversation } from '../../services/conversations/conversation-view';
import { findMembers } from '../../services/groups/group-members';
import { windowCriteria } from '../../services/groups/member-criteria';
import { loadSettings, pageSize } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { conversationSchema } from './conversation.types';

const sortKeys = { startTime: 'createdAt', endTime: 'endTime', name: 'name' } as const;

/**
 * Conversations matching criteria (`filter`, the same RSQL as groups) inside an optional
 * createdAt window, by createdAt (or the `sort` keys: startTime, endTime, name, Symbl's) in
 * `order`, `offset` then `limit` (0 answers no rows, only the total; capped by the
 * organization's maxPageSize).
 */
export const findConversations = protectedProcedure
  .input(
    z.object({
      limit: z.number().int().min(0).optional(),
      offset: z.number().int().min(0).max(1_000_000).default(0),
      order: z.enum(['asc', 'desc']).default('desc'),
      startTime: z.string().max(64).optional(),
      endTime: z.string().max(64).optional(),
      filter: z.string().optional(),
      sort: z
        .array(z.enum(['startTime', 'endTime', 'name']))
        .min(1)
        .max(3)
        .optional(),
    }),
  )
  .output(
    z.object({
      conversations: z.array(conversationSchema),
      totalCount: z.number().int().nonnegative(),
      limit: z.number().int().nonnegative(),
      offset: z.number().int().nonnegative(),
    }),
  )
  .query(async ({ ctx, input }) => {
    const criteria = windowCriteria(input);
    const settings = await loadSettings(ctx.prisma, ctx.organizationId);
    const page = {
      limit: pageSize(settings, input.limit),
      offset: input.offset,
      order: input.order,
      sort: input.sort?.map((key) => sortKeys[key]),
    };
    const found = await findMembers(ctx.prisma, ctx.organizationId, criteria, page);
    return {
      conversations: found.rows.map(presentConversation),
      totalCount: found.totalCount,
      limit: page.limit,
      offset: page.offset,
    };
  });
