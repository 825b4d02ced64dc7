import { DomainError } from '@switchboard/core';
import { presentWatch, watchInclude } from '../../services/slack/watch-view';
import { protectedProcedure } from '../../trpc/init';
import { watchInput, watchSchema } from './slack.types';

/** `/group unwatch`: the channel stops following the group; its cards stay as they are. */
export const unwatchGroup = protectedProcedure
  .input(watchInput)
  .output(watchSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const where = {
        organizationId: ctx.organizationId,
        channelId: input.channelId,
        groupId: input.groupId,
      };
      const row = await tx.slackWatch.findFirst({ where, include: watchInclude });
      if (!row)
        throw new DomainError('NOT_FOUND', 'This channel does not watch that group', { field: 'groupId' });
      await tx.slackWatch.delete({ where: { id: row.id } });
      return presentWatch(row);
    }),
  );
