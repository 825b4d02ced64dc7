import { z } from 'zod';
import { listOrganizationTags } from '../../services/conversations/organization-tags';
import { protectedProcedure } from '../../trpc/init';
import { pageInput, paginationSchema } from '../shared/page-input';
import { idSchema } from '../shared/schemas';
import { organizationTagSchema, tagNameSchema } from './tag.types';

/**
 * The organization's tags with how many conversations carry each, paged (default 10, by
 * name:asc; orderBy id, name or createdAt).
 */
export const listTags = protectedProcedure
  .input(
    pageInput.extend({
      conversationId: idSchema.optional().describe('Only the tags this conversation carries.'),
      name: tagNameSchema.optional().describe('Only the tag with exactly this name.'),
    }),
  )
  .output(z.object({ tags: z.array(organizationTagSchema), pagination: paginationSchema }))
  .query(({ ctx, input }) =>
    listOrganizationTags(ctx, {
      limit: input.limit ?? 10,
      page: input.page ?? 0,
      orderBy: input.orderBy,
      conversationId: input.conversationId,
      name: input.name,
    }),
  );
