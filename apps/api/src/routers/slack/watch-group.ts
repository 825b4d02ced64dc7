import { findGroup } from '../../services/groups/find-group';
import { presentWatch, watchInclude } from '../../services/slack/watch-view';
import { protectedProcedure } from '../../trpc/init';
import { watchInput, watchSchema } from './slack.types';

/** `/group watch`: the channel follows the group. Watching again re-enables a disabled watch. */
export const watchGroup = protectedProcedure
  .input(watchInput)
  .output(watchSchema)
  .mutation(async ({ ctx, input }) => {
    const group = await findGroup(ctx.prisma, ctx.organizationId, input.groupId);
    const key = { organizationId: ctx.organizationId, channelId: input.channelId, groupId: group.id };
    const row = await ctx.prisma.slackWatch.upsert({
      where: { organizationId_channelId_groupId: key },
      create: { ...key, createdBy: ctx.actor.id },
      update: { disabledAt: null, disabledReason: null },
      include: watchInclude,
    });
    return presentWatch(row);
  });
