import { DomainError } from '@switchboard/core';
import { z } from 'zod';
import { presentMessage } from '../../services/conversations/messages';
import { loadSettings } from '../../services/settings/load-settings';
import { spaceProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';
import { assertVisitorSpace } from './visitor-scope';
import { spaceMessageSchema, toSpaceMessage } from './widget-message';

/**
 * The messages of a space's group conversation as a chat shows them: the newest (up to the
 * organization's page size), oldest first, without internal notes. Without `groupId`, the space's
 * first group conversation (Sharely's "default group"); none yet is no messages. `languageId` is
 * accepted and changes nothing: Switchboard does not translate. With `workspaceId` (the
 * documented path) the space must be in that workspace.
 */
export const listSpaceMessages = spaceProcedure
  .input(
    z.object({
      spaceId: idSchema,
      workspaceId: idSchema.optional(),
      groupId: idSchema.optional(),
      languageId: z.string().max(16).optional(),
    }),
  )
  .output(z.object({ groupId: z.string().nullable(), messages: z.array(spaceMessageSchema) }))
  .query(async ({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    const { organizationId } = ctx;
    const space = await ctx.prisma.space.findFirst({
      where: {
        id: input.spaceId,
        organizationId,
        ...(input.workspaceId ? { workspaceId: input.workspaceId } : {}),
      },
      select: { id: true },
    });
    if (!space) throw new DomainError('NOT_FOUND', 'Space not found', { field: 'spaceId' });
    const group = input.groupId
      ? await findSpaceGroup(ctx.prisma, organizationId, { spaceId: space.id, groupId: input.groupId })
      : await ctx.prisma.conversation.findFirst({
          where: { organizationId, spaceId: space.id },
          orderBy: [{ createdAt: 'asc' }, { id: 'asc' }],
          select: { id: true },
        });
    if (!group) return { groupId: null, messages: [] };
    const settings = await loadSettings(ctx.prisma, organizationId);
    const rows = await ctx.prisma.message.findMany({
      where: { organizationId, conversationId: group.id, internal: false },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: settings.pagination.maxPageSize,
    });
    return { groupId: group.id, messages: rows.reverse().map((row) => toSpaceMessage(presentMessage(row))) };
  });
