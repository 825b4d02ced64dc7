import { z } from 'zod';
import { recordAudit } from '../../audit/record-audit';
import { protectedProcedure } from '../../trpc/init';
import { presentQueue, queueNameSchema, queueSchema } from './queue.types';
import { assertQueueNameFree } from './queue-names';

export const createQueue = protectedProcedure
  .input(z.object({ name: queueNameSchema }))
  .output(queueSchema)
  .mutation(({ ctx, input }) =>
    ctx.prisma.$transaction(async (tx) => {
      await assertQueueNameFree(tx, ctx.organizationId, input.name);
      const queue = presentQueue(
        await tx.queue.create({ data: { organizationId: ctx.organizationId, name: input.name } }),
      );
      await recordAudit(tx, {
        organizationId: ctx.organizationId,
        actor: ctx.actor,
        action: 'queue.create',
        entityType: 'queue',
        entityId: queue.id,
        after: queue,
        requestId: ctx.requestId,
      });
      return queue;
    }),
  );
