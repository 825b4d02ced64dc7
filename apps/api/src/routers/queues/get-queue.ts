import { findQueue } from '../../services/routing/find-routing-objects';
import { protectedProcedure } from '../../trpc/init';
import { presentQueue, queueIdInput, queueSchema } from './queue.types';

export const getQueue = protectedProcedure
  .input(queueIdInput)
  .output(queueSchema)
  .query(async ({ ctx, input }) =>
    presentQueue(await findQueue(ctx.prisma, ctx.organizationId, input.queueId)),
  );
