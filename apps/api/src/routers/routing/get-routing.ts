import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { idSchema } from '../shared/schemas';
import { maxRoutes, presentRoute, routesOutput } from './routing.types';

/**
 * Every rule in the order it is tried; `enabled` and `ruleIds` filter. Served over REST as
 * Infobip's "get routing" by dialects/infobip/routing-operations.ts.
 */
export const getRouting = protectedProcedure
  .input(
    z.object({
      enabled: z.boolean().optional(),
      ruleIds: z.array(idSchema).max(maxRoutes).optional().describe('Only these rules (their ids)'),
    }),
  )
  .output(routesOutput)
  .query(async ({ ctx, input }) => {
    const routes = await ctx.prisma.route.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
        ...(input.ruleIds === undefined ? {} : { id: { in: input.ruleIds } }),
      },
      include: { queue: { select: { name: true } } },
      orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return { routes: routes.map(presentRoute) };
  });
