import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { replaceRoutes } from './replace-routes';
import { routesOutput } from './routing.types';

/**
 * Infobip's "delete routing": every rule goes, so new conversations fall to the default queue
 * (settings.routing.defaultQueueId). One `routing.updated` event, as a PUT of an empty list.
 */
export const deleteRouting = protectedProcedure
  .input(z.object({}))
  .output(routesOutput)
  .mutation(({ ctx }) =>
    ctx.prisma.$transaction(async (tx) => ({ routes: await replaceRoutes(tx, ctx, []) })),
  );
