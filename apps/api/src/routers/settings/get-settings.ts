import { z } from 'zod';
import { loadSettings } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { settingsSchema, settingsTag } from './settings.types';

export const getSettings = protectedProcedure
  .meta({
    openapi: {
      method: 'GET',
      path: '/v1/manage/settings',
      summary: "Get the organization's settings",
      tags: settingsTag,
      protect: true,
    },
  })
  .input(z.object({}))
  .output(settingsSchema)
  .query(({ ctx }) => loadSettings(ctx.prisma, ctx.organizationId));
