import { DomainError, parseInstant } from '@switchboard/core';
import type { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { presentWorkingHours, withHolidays } from '../../services/working-hours/working-hours-view';
import { protectedProcedure } from '../../trpc/init';
import { paginationSchema } from '../shared/page-input';
import { workingHoursSchema } from './working-hours.types';

const orderFields = ['id', 'name', 'timezone', 'enabled', 'isDefault', 'createdAt', 'updatedAt'] as const;
type OrderField = (typeof orderFields)[number];

/** `field:asc|desc` (direction in any case, default asc); the default order is `id:asc`. */
function readOrderBy(text: string): { field: OrderField; direction: 'asc' | 'desc' } {
  const [field, direction = 'asc', extra] = text.split(':');
  const known = orderFields.find((name) => name === field);
  const lower = direction.toLowerCase();
  if (!known || extra !== undefined || (lower !== 'asc' && lower !== 'desc')) {
    throw new DomainError(
      'VALIDATION',
      `orderBy: write field:asc or field:desc with field one of ${orderFields.join(', ')}`,
      {
        field: 'orderBy',
      },
    );
  }
  return { field: known, direction: lower };
}

// Infobip writes `…+0000`; ISO-8601 wants `+00:00`: both are read.
function readInstant(text: string | undefined, field: string): Date | undefined {
  if (text === undefined) return undefined;
  const result = parseInstant(text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  if (result.ok) return new Date(result.canonical);
  throw new DomainError('VALIDATION', `${field}: ${result.reason} (or yyyy-MM-dd'T'HH:mm:ss.SSS+0000)`, {
    field,
  });
}

const instantText = z.string().max(64).optional();

/** Infobip's "get filtered working hours": filters, `limit` up to 999, 0-based `page`, `orderBy`. */
export const listWorkingHours = protectedProcedure
  .input(
    z.object({
      name: z.string().max(255).optional().describe('Only calendars whose name contains this, in any case'),
      enabled: z.boolean().optional(),
      isDefault: z.boolean().optional().describe('Only the default calendar (true) or the others (false)'),
      createdAfter: instantText,
      createdBefore: instantText,
      updatedAfter: instantText,
      updatedBefore: instantText,
      limit: z.number().int().min(1).max(999).default(10).describe('Size of the result page (at most 999)'),
      page: z.number().int().min(0).max(1_000_000).default(0),
      orderBy: z.string().max(64).default('id:asc'),
    }),
  )
  .output(
    z.object({
      workingHours: z.array(workingHoursSchema),
      pagination: paginationSchema,
    }),
  )
  .query(async ({ ctx, input }) => {
    const { field, direction } = readOrderBy(input.orderBy);
    const range = (after: string | undefined, before: string | undefined, name: string) => {
      const gt = readInstant(after, `${name}After`);
      const lt = readInstant(before, `${name}Before`);
      return gt || lt ? { ...(gt ? { gt } : {}), ...(lt ? { lt } : {}) } : undefined;
    };
    const created = range(input.createdAfter, input.createdBefore, 'created');
    const updated = range(input.updatedAfter, input.updatedBefore, 'updated');
    const where: Prisma.WorkingHoursWhereInput = {
      organizationId: ctx.organizationId,
      ...(input.name ? { name: { contains: input.name, mode: 'insensitive' } } : {}),
      ...(input.enabled === undefined ? {} : { enabled: input.enabled }),
      ...(input.isDefault === undefined ? {} : { isDefault: input.isDefault }),
      ...(created ? { createdAt: created } : {}),
      ...(updated ? { updatedAt: updated } : {}),
    };
    const [rows, totalItems] = await Promise.all([
      ctx.prisma.workingHours.findMany({
        where,
        include: withHolidays,
        orderBy: [{ [field]: direction }, { id: direction }],
        take: input.limit,
        skip: input.page * input.limit,
      }),
      ctx.prisma.workingHours.count({ where }),
    ]);
    return {
      workingHours: rows.map(presentWorkingHours),
      pagination: { totalItems, page: input.page, limit: input.limit, orderBy: `${field}:${direction}` },
    };
  });
