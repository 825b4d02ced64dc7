import { limits } from '@switchboard/core';
import { z } from 'zod';
import { applyConversationChange } from '../../services/conversations/apply-change';
import { spaceProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';
import { DEFAULT_GROUP_NAME } from './space.types';
import { assertVisitorSpace } from './visitor-scope';

/**
 * Renames a group conversation (its topic). Without a name, as Sharely's widget asks after the
 * first exchange, the group is named after its first message (cut to the topic limit, on a word).
 */
export const renameGroup = spaceProcedure
  .input(
    z.object({
      spaceId: idSchema,
      groupId: idSchema,
      name: z
        .string()
        .trim()
        .min(1, 'must not be empty')
        .max(limits.topic, `must be at most ${limits.topic} characters`)
        .optional(),
    }),
  )
  .output(z.object({ id: z.string(), name: z.string() }))
  .mutation(({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    return ctx.prisma.$transaction(async (tx) => {
      const group = await findSpaceGroup(tx, ctx.organizationId, input);
      const name =
        input.name ?? (await nameFromFirstMessage(tx, group.id)) ?? group.topic ?? DEFAULT_GROUP_NAME;
      const after = await applyConversationChange(tx, ctx, {
        conversationId: group.id,
        action: 'conversation.update',
        patch: { topic: name },
      });
      return { id: after.id, name: after.topic ?? name };
    });
  });

async function nameFromFirstMessage(
  tx: Parameters<typeof findSpaceGroup>[0],
  conversationId: string,
): Promise<string | undefined> {
  const first = await tx.message.findFirst({
    where: { conversationId },
    orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
    select: { text: true },
  });
  const text = first?.text.replace(/\s+/g, ' ').trim();
  if (!text) return undefined;
  if (text.length <= 60) return text;
  const cut = text.slice(0, 60);
  return `${cut.slice(0, cut.lastIndexOf(' ') > 20 ? cut.lastIndexOf(' ') : 60)}…`;
}
