import { createOrganizationTag } from '../../services/conversations/create-organization-tag';
import { protectedProcedure } from '../../trpc/init';
import { createTagInput, tagSchema } from './tag.types';

/** Infobip's "create tag": a tag of the organization that conversations can then be tagged with. */
export const createTag = protectedProcedure
  .input(createTagInput)
  .output(tagSchema)
  .mutation(({ ctx, input }) => createOrganizationTag(ctx, input));
