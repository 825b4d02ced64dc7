import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { createConversationIn } from '../../services/conversations/create-conversation';
import { spaceProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { DEFAULT_GROUP_NAME, groupConversationSchema, presentGroupConversation } from './space.types';
import { assertVisitorSpace } from './visitor-scope';

/**
 * Sharely's widget starts a chat by asking a space for its greeting with `saveMessage=true`: the
 * answer's `greeting.group` is a new group conversation (a conversation in the space, "General"),
 * where the chat continues. Sharely's greeting text comes from its assistant, which Switchboard
 * does not have: `message` is null. Without `saveMessage=true` nothing is created.
 */
export const spaceGreeting = spaceProcedure
  .input(
    z.object({
      spaceId: idSchema,
      languageId: z.string().max(16, 'must be a language code such as "en"').optional(),
      saveMessage: z.boolean().default(false),
    }),
  )
  .output(
    z.object({
      greeting: z.object({
        message: z.null(),
        languageId: z.string().nullable(),
        group: groupConversationSchema.nullable(),
      }),
    }),
  )
  .mutation(({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    return ctx.prisma.$transaction(async (tx) => {
      const space = await tx.space.findFirst({
        where: { id: input.spaceId, organizationId: ctx.organizationId },
      });
      if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
      const group = input.saveMessage
        ? await createConversationIn(tx, ctx, {
            topic: DEFAULT_GROUP_NAME,
            workspaceId: space.workspaceId,
            spaceId: space.id,
          })
        : null;
      return {
        greeting: {
          message: null,
          languageId: input.languageId ?? null,
          group: group
            ? presentGroupConversation({
                id: group.id,
                topic: group.topic,
                createdAt: new Date(group.createdAt),
              })
            : null,
        },
      };
    });
  });
