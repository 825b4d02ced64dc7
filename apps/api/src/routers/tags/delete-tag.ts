import { z } from 'zod';
import { deleteOrganizationTag } from '../../services/conversations/organization-tags';
import { protectedProcedure } from '../../trpc/init';
import { tagNameSchema } from './tag.types';

/** Infobip's tag delete: unlinks the tag from every conversation, then deletes it. Cannot be undone. */
export const deleteTag = protectedProcedure
  .input(z.object({ tagName: tagNameSchema }))
  .output(
    z.object({
      name: z.string(),
      deleted: z.literal(true),
      unlinkedConversations: z.number().int().nonnegative(),
    }),
  )
  .mutation(({ ctx, input }) => deleteOrganizationTag(ctx, input.tagName));
