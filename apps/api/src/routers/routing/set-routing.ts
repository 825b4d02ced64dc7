import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { checkRoutes, replaceRoutes } from './replace-routes';
import { maxRoutes, routeInputSchema, routesOutput } from './routing.types';

/**
 * Infobip's "set routing": the whole ordered list replaces every rule at once. Every criteria,
 * expression and queue is checked before anything is written, so a refused PUT leaves the rules
 * as they were. REST: PUT /ccaas/1/routing (dialects/infobip/routing-operations.ts).
 */
export const setRouting = protectedProcedure
  .input(
    z.object({ routes: z.array(routeInputSchema).max(maxRoutes, `must have at most ${maxRoutes} rules`) }),
  )
  .output(routesOutput)
  .mutation(({ ctx, input }) => {
    const routes = checkRoutes(input.routes);
    return ctx.prisma.$transaction(async (tx) => ({ routes: await replaceRoutes(tx, ctx, routes) }));
  });
