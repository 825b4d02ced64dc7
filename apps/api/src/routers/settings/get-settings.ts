import { z } from 'zod';
import { loadSettings } from '../../services/settings/load-settings';
import { protectedProcedure } from '../../trpc/init';
import { settingsSchema } from './settings.types';

/** The whole settings document, defaults included (Symbl's REST read: dialects/symbl/settings). */
export const getSettings = protectedProcedure
  .input(z.object({}))
  .output(settingsSchema)
  .query(({ ctx }) => loadSettings(ctx.prisma, ctx.organizationId));
