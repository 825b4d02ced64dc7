import { DomainError } from '@switchboard/core';
import { findQueue } from '../../services/routing/find-routing-objects';
import { queueMemberIds } from '../../services/routing/member-loads';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { queueIdInput, queueMembersSchema } from './queue.types';
import { membersAfterChange } from './queue-members';

/** Infobip's "remove agent from queue": only the link goes; the agent's conversations stay. */
export const removeQueueAgent = protectedProcedure
  .input(queueIdInput.extend({ agentId: idSchema }))
  .output(queueMembersSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await findQueue(tx, ctx.organizationId, input.queueId);
      const before = await queueMemberIds(tx, ctx.organizationId, input.queueId);
      const removed = await tx.queueMember.deleteMany({
        where: { organizationId: ctx.organizationId, queueId: input.queueId, agentId: input.agentId },
      });
      if (removed.count === 0) {
        throw new DomainError(
          'NOT_FOUND',
          `Agent ${input.agentId} is not a member of queue ${input.queueId}`,
          {
            field: 'agentId',
          },
        );
      }
      return membersAfterChange(tx, ctx, input.queueId, 'queue.agents.remove', before);
    }),
  );
