import { z } from 'zod';
import { listOrganizationTags } from '../../services/conversations/organization-tags';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { organizationTagSchema, paginationSchema, tagNameSchema } from './tag.types';

/** The organization's tags with how many conversations carry each, Infobip-paged. */
export const listTags = protectedProcedure
  .input(
    z.object({
      conversationId: idSchema.optional().describe('Only the tags this conversation carries.'),
      name: tagNameSchema.optional().describe('Only the tag with exactly this name.'),
      limit: z
        .number()
        .int()
        .min(0)
        .max(999, "must be at most 999 (Infobip's largest page)")
        .optional()
        .describe('Default 10, at most 999.'),
      page: z.number().int().min(0).max(1_000_000).optional(),
      orderBy: z
        .string()
        .max(64)
        .optional()
        .describe('id, name or createdAt with :asc or :desc; default name:asc.'),
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
