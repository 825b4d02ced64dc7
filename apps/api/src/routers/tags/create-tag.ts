import { createOrganizationTag } from '../../services/conversations/create-organization-tag';
import { protectedProcedure } from '../../trpc/init';
import { createTagInput, tagSchema, tagsTag } from './tag.types';

/** Infobip's "create tag": a tag of the organization that conversations can then be tagged with. */
export const createTag = protectedProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/ccaas/1/tags',
      tags: tagsTag,
      protect: true,
      summary: 'Create tag ({ "name" }); 400 when the name is in use',
    },
  })
  .input(createTagInput)
  .output(tagSchema)
  .mutation(({ ctx, input }) => createOrganizationTag(ctx, input));
