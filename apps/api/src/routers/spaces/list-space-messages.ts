import { z } from 'zod';
import { presentMessage } from '../../services/conversations/messages';
import { loadSettings } from '../../services/settings/load-settings';
import { spaceProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { findSpaceGroup } from './find-space-group';
import { assertVisitorSpace } from './visitor-scope';
import { toWidgetMessage, widgetMessageSchema } from './widget-message';

/**
 * The messages of a space's group conversation as Sharely's widget shows a chat: the newest
 * (up to the organization's page size), oldest first, without internal notes. `languageId` is
 * accepted and changes nothing: Switchboard does not translate.
 */
export const listSpaceMessages = spaceProcedure
  .input(z.object({ spaceId: idSchema, groupId: idSchema, languageId: z.string().max(16).optional() }))
  .output(z.object({ messages: z.array(widgetMessageSchema) }))
  .query(async ({ ctx, input }) => {
    assertVisitorSpace(ctx.visitor, input.spaceId);
    const group = await findSpaceGroup(ctx.prisma, ctx.organizationId, input);
    const settings = await loadSettings(ctx.prisma, ctx.organizationId);
    const rows = await ctx.prisma.message.findMany({
      where: { organizationId: ctx.organizationId, conversationId: group.id, internal: false },
      orderBy: [{ createdAt: 'desc' }, { id: 'desc' }],
      take: settings.pagination.maxPageSize,
    });
    return { messages: rows.reverse().map((row) => toWidgetMessage(presentMessage(row))) };
  });
