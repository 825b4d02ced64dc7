import { z } from 'zod';
import { pageArgs, toPage } from '../shared/pagination';
import { cursorPageInput } from '../shared/schemas';
import { apiKeySchema, presentApiKey } from './api-key.types';
import { keyManagementProcedure } from './key-management-procedure';

export const listApiKeys = keyManagementProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/api-keys',
      tags: ['API keys'],
      protect: true,
      summary: 'List API keys by prefix (owner key only)',
    },
  })
  .input(cursorPageInput)
  .output(z.object({ apiKeys: z.array(apiKeySchema), nextCursor: z.string().nullable() }))
  .query(async ({ ctx, input }) => {
    const rows = await ctx.prisma.apiKey.findMany({
      where: { organizationId: ctx.organizationId },
      omit: { hash: true },
      ...pageArgs(input, { organizationId: ctx.organizationId }),
    });
    const page = toPage(rows, input.limit);
    return { apiKeys: page.items.map(presentApiKey), nextCursor: page.nextCursor };
  });
