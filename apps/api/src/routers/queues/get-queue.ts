import { findQueueView } from '../../services/queues/queue-record';
import { protectedProcedure } from '../../trpc/init';
import { queueIdInput, queueSchema } from './queue.types';

export const getQueue = protectedProcedure
  .input(queueIdInput)
  .output(queueSchema)
  .query(({ ctx, input }) => findQueueView(ctx.prisma, ctx.organizationId, input.queueId));
