import { z } from 'zod';
import { listOrganizationTags } from '../../services/conversations/organization-tags';
import { loadSettings } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { organizationTagSchema, paginationSchema, tagsTag } from './tag.types';

/** The organization's tags with how many conversations carry each, Infobip-paged. */
export const listTags = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/tags',
      summary: "List the organization's tags with their conversation counts",
      tags: tagsTag,
      protect: true,
    },
  })
  .input(
    z.object({
      limit: z.number().int().min(1).optional().describe('Default 10, capped at the maximum page size.'),
      page: z.number().int().min(0).max(1_000_000).optional(),
      orderBy: z.string().max(64).optional().describe('name|createdAt with :asc or :desc; default name:asc.'),
    }),
  )
  .output(z.object({ tags: z.array(organizationTagSchema), pagination: paginationSchema }))
  .query(async ({ ctx, input }) => {
    const settings = await loadSettings(ctx.prisma, ctx.organizationId);
    const limit = Math.min(input.limit ?? 10, settings.pagination.maxPageSize);
    return listOrganizationTags(ctx, { limit, page: input.page ?? 0, orderBy: input.orderBy });
  });
