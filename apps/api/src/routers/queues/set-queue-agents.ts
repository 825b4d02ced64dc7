import { z } from 'zod';
import { findQueue } from '../../services/routing/find-routing-objects';
import { queueMemberIds } from '../../services/routing/member-loads';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { queueIdInput, queueMembersSchema } from './queue.types';
import { assertAgentsExist, membersAfterChange } from './queue-members';

/** Replaces the whole member list in one step (all or nothing): what a roster screen saves. */
export const setQueueAgents = protectedProcedure
  .input(queueIdInput.extend({ agentIds: z.array(idSchema).max(1000) }))
  .output(queueMembersSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await findQueue(tx, ctx.organizationId, input.queueId);
      const agentIds = [...new Set(input.agentIds)];
      await assertAgentsExist(tx, ctx.organizationId, input.agentIds, (index) => `agentIds.${index}`);
      const before = await queueMemberIds(tx, ctx.organizationId, input.queueId);
      await tx.queueMember.deleteMany({
        where: { organizationId: ctx.organizationId, queueId: input.queueId, agentId: { notIn: agentIds } },
      });
      await tx.queueMember.createMany({
        data: agentIds.map((agentId) => ({
          queueId: input.queueId,
          agentId,
          organizationId: ctx.organizationId,
        })),
        skipDuplicates: true,
      });
      return membersAfterChange(tx, ctx, input.queueId, 'queue.agents.replace', before);
    }),
  );
