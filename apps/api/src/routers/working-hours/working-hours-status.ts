import { isWithinWorkingHours } from '@switchboard/core';
import { z } from 'zod';
import { calendarOf } from '../../services/working-hours/calendar-of';
import { findWorkingHours } from '../../services/working-hours/find-working-hours';
import { protectedProcedure } from '../../trpc/init';
import { workingHoursIdInput } from './working-hours.types';

/**
 * Infobip's "get working hours status" at the request's clock. Disabled working hours restrict
 * nothing (no away message, no skipped rule), so they read as inside.
 */
export const workingHoursStatus = protectedProcedure
  .input(workingHoursIdInput)
  .output(z.object({ status: z.enum(['INSIDE_OF_WORKING_HOURS', 'OUTSIDE_OF_WORKING_HOURS']) }))
  .query(async ({ ctx, input }) => {
    const row = await findWorkingHours(ctx.prisma, ctx.organizationId, input.id);
    const inside = !row.enabled || isWithinWorkingHours(calendarOf(row), ctx.now());
    return { status: inside ? 'INSIDE_OF_WORKING_HOURS' : 'OUTSIDE_OF_WORKING_HOURS' };
  });
