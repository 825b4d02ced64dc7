import { z } from 'zod';
import { adminProcedure } from '../../trpc/init';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput, toIso } from '../shared/schemas';
import { organizationSchema } from './admin.types';

export const listOrganizations = adminProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/admin/organizations',
      tags: ['Admin'],
      protect: true,
      summary: 'List organizations (ADMIN_API_KEY)',
    },
  })
  .input(cursorPageInput)
  .output(z.object({ organizations: z.array(organizationSchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.organization.findMany({
      select: { id: true, name: true, createdAt: true },
      // The operator lists every organization: the cursor may be any of them.
      ...pageArgs(input, {}),
    });
    const page = toPage(rows, input.limit);
    return {
      organizations: page.items.map((row) => ({ ...row, createdAt: toIso(row.createdAt) })),
      nextCursor: page.nextCursor,
    };
  });
