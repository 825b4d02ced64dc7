import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { assertCriteriaValid, replaceRoutes } from './replace-routes';
import { maxRoutes, routeInputSchema, routesOutput, routingTags } from './routing.types';

/**
 * Infobip's "set routing": the whole ordered list replaces every rule at once. Every criteria
 * and queue is checked before anything is written, so a refused PUT leaves the rules as they were.
 */
export const setRouting = protectedProcedure
  .meta({
    openapi: {
      method: 'PUT',
      path: '/ccaas/1/routing',
      tags: routingTags,
      protect: true,
      summary: 'Replace all routing rules with this ordered list',
    },
  })
  .input(
    z.object({ routes: z.array(routeInputSchema).max(maxRoutes, `must have at most ${maxRoutes} rules`) }),
  )
  .output(routesOutput)
  .mutation(({ ctx, input }) => {
    assertCriteriaValid(input.routes);
    return ctx.prisma.$transaction(async (tx) => ({ routes: await replaceRoutes(tx, ctx, input.routes) }));
  });
