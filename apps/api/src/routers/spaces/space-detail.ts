import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { spaceProcedure } from '../../trpc/init';
import { idSchema, isoDateSchema, toIso, toIsoOrNull } from '../shared/schemas';
import { DEFAULT_GROUP_NAME, presentSpace, spaceSchema } from './space.types';
import { assertVisitorSpace } from './visitor-scope';

/** A space shows its newest group conversations; more are listed page by page (listGroups). */
const GROUPS_SHOWN = 100;

/**
 * A space with its workspace (and organization) and its newest group conversations, each with
 * its last message time and message count. The workspace id is optional: Sharely's widget reads a
 * space by its id alone.
 */
export const spaceDetail = spaceProcedure
  .input(z.object({ spaceId: idSchema, workspaceId: idSchema.optional() }))
  .output(
    z.object({
      space: spaceSchema,
      workspace: z.object({
        id: z.string(),
        name: z.string(),
        organizationId: z.string(),
        organizationName: z.string(),
      }),
      groups: z.array(
        z.object({
          id: z.string(),
          name: z.string(),
          createdAt: isoDateSchema,
          updatedAt: isoDateSchema,
          lastMessageAt: isoDateSchema.nullable(),
          messageCount: z.number().int(),
        }),
      ),
    }),
  )
  .query(async ({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    const space = await ctx.prisma.space.findFirst({
      where: {
        id: input.spaceId,
        organizationId: ctx.organizationId,
        ...(input.workspaceId === undefined ? {} : { workspaceId: input.workspaceId }),
      },
      include: { workspace: { include: { organization: { select: { name: true } } } } },
    });
    if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
    const conversations = await ctx.prisma.conversation.findMany({
      where: { organizationId: ctx.organizationId, spaceId: space.id },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: GROUPS_SHOWN,
      select: {
        id: true,
        topic: true,
        createdAt: true,
        updatedAt: true,
        _count: { select: { messages: true } },
        messages: { orderBy: { createdAt: 'desc' }, take: 1, select: { createdAt: true } },
      },
    });
    return {
      space: presentSpace(space),
      workspace: {
        id: space.workspace.id,
        name: space.workspace.name,
        organizationId: space.workspace.organizationId,
        organizationName: space.workspace.organization.name,
      },
      groups: conversations.map((conversation) => ({
        id: conversation.id,
        name: conversation.topic ?? DEFAULT_GROUP_NAME,
        createdAt: toIso(conversation.createdAt),
        updatedAt: toIso(conversation.updatedAt),
        lastMessageAt: toIsoOrNull(conversation.messages[0]?.createdAt ?? null),
        messageCount: conversation._count.messages,
      })),
    };
  });
