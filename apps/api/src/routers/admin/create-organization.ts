import { z } from 'zod';
import { createOrganization as createTenant } from '../../services/organizations';
import { adminProcedure } from '../../trpc/init';
import { isoDateSchema, toIso } from '../shared/schemas';
import { organizationNameSchema, organizationSchema } from './admin.types';

/**
 * The operator (ADMIN_API_KEY) creates a tenant: the organization, its default workspace and its
 * first, owner API key — whose key is shown only in this answer.
 */
export const createOrganization = adminProcedure
  .meta({
    openapi: {
      method: 'POST',
      path: '/admin/organizations',
      tags: ['Admin'],
      protect: true,
      summary: 'Create an organization with its default workspace and owner API key (ADMIN_API_KEY)',
    },
  })
  .input(z.object({ name: organizationNameSchema }))
  .output(
    z.object({
      organization: organizationSchema,
      workspace: z.object({ id: z.string(), name: z.string(), createdAt: isoDateSchema }),
      apiKey: z.object({ id: z.string(), prefix: z.string(), key: z.string() }),
    }),
  )
  .mutation(async ({ ctx, input }) => {
    const created = await ctx.prisma.$transaction((tx) =>
      createTenant(tx, { name: input.name, actor: ctx.actor, requestId: ctx.requestId }),
    );
    return {
      organization: { ...created.organization, createdAt: toIso(created.organization.createdAt) },
      workspace: { ...created.workspace, createdAt: toIso(created.workspace.createdAt) },
      apiKey: created.apiKey,
    };
  });
