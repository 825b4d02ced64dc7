import { findQueue } from '../../services/routing/find-routing-objects';
import { queueMemberIds } from '../../services/routing/member-loads';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { queueIdInput, queueMembersSchema } from './queue.types';
import { assertAgentsExist, membersAfterChange } from './queue-members';

/** Infobip's "add agent to queue". Adding a member twice changes nothing. */
export const addQueueAgent = protectedProcedure
  .input(queueIdInput.extend({ agentId: idSchema }))
  .output(queueMembersSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await findQueue(tx, ctx.organizationId, input.queueId);
      await assertAgentsExist(tx, ctx.organizationId, [input.agentId], () => 'agentId');
      const before = await queueMemberIds(tx, ctx.organizationId, input.queueId);
      await tx.queueMember.createMany({
        data: [{ queueId: input.queueId, agentId: input.agentId, organizationId: ctx.organizationId }],
        skipDuplicates: true,
      });
      return membersAfterChange(tx, ctx, input.queueId, 'queue.agents.add', before);
    }),
  );
