import { recordAudit } from '../../audit/record-audit';
import { findQueue } from '../../services/routing/find-routing-objects';
import { protectedProcedure } from '../../trpc/init';
import { presentQueue, queueIdInput, queueNameSchema, queueSchema } from './queue.types';
import { assertQueueNameFree } from './queue-names';

export const updateQueue = protectedProcedure
  .input(queueIdInput.extend({ name: queueNameSchema }))
  .output(queueSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      const before = presentQueue(await findQueue(tx, ctx.organizationId, input.queueId));
      await assertQueueNameFree(tx, ctx.organizationId, input.name, input.queueId);
      const queue = presentQueue(
        await tx.queue.update({ where: { id: input.queueId }, data: { name: input.name } }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'queue.update',
        entityType: 'queue',
        entityId: queue.id,
        before,
        after: queue,
        requestId: ctx.requestId,
      });
      return queue;
    }),
  );
