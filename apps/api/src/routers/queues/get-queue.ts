import { findQueue } from '../../services/routing/find-routing-objects';
import { protectedProcedure } from '../../trpc/init';
import { presentQueue, queueIdInput, queueSchema, queueTags } from './queue.types';

export const getQueue = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/queues/{queueId}',
      summary: 'Get a queue',
      tags: queueTags,
      protect: true,
    },
  })
  .input(queueIdInput)
  .output(queueSchema)
  .query(async ({ ctx, input }) =>
    presentQueue(await findQueue(ctx.prisma, ctx.organizationId, input.queueId)),
  );
