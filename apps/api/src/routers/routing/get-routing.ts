import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { presentRoute, routesOutput, routingTags } from './routing.types';

/** Infobip's "get routing": every rule in the order it is tried; `enabled` filters. */
export const getRouting = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/ccaas/1/routing',
      summary: 'Get the ordered routing rules',
      tags: routingTags,
      protect: true,
    },
  })
  .input(z.object({ enabled: z.boolean().optional() }))
  .output(routesOutput)
  .query(async ({ ctx, input }) => {
    const routes = await ctx.prisma.route.findMany({
      where: {
        organizationId: ctx.organizationId,
        ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      },
      include: { queue: { select: { name: true } } },
      orderBy: [{ priority: 'asc' }, { createdAt: 'asc' }, { id: 'asc' }],
    });
    return { routes: routes.map(presentRoute) };
  });
