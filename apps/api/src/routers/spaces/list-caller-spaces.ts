import { Prisma } from '@switchboard/db';
import { z } from 'zod';
import { spaceProcedure } from '../../trpc/init';
import { isoDateSchema, toIso, toIsoOrNull } from '../shared/schemas';

/** The widget takes the first; a list longer than this is no use to it. */
const SPACES_LISTED = 100;

/**
 * Sharely's widget's fallback list of "my spaces": a visitor's own space, or an organization
 * credential's spaces, in the `workspaces` asked for (all when none), by their last message
 * (`lastMessageSortBy`, spaces without messages last) or by creation, `sortBy` desc (default) or
 * asc. Switchboard keeps no per-space membership, so `roles` (GUEST, HOST…) narrows nothing.
 */
export const listCallerSpaces = spaceProcedure
  .input(
    z.object({
      workspaces: z.array(z.string().max(200)).max(100).optional(),
      roles: z.array(z.string().max(64)).max(10).optional(),
      sortBy: z.enum(['asc', 'desc']).default('desc'),
      lastMessageSortBy: z.boolean().default(false),
    }),
  )
  .output(
    z.array(
      z.object({
        id: z.string(),
        name: z.string(),
        description: z.string().nullable(),
        status: z.string(),
        workspaceId: z.string(),
        createdAt: isoDateSchema,
        lastMessageAt: isoDateSchema.nullable(),
      }),
    ),
  )
  .query(async ({ ctx, input }) => {
    const direction = Prisma.raw(input.sortBy === 'asc' ? 'ASC' : 'DESC');
    const workspaces = input.workspaces ?? [];
    const rows = await ctx.prisma.$queryRaw<
      {
        id: string;
        name: string;
        description: string | null;
        workspaceId: string;
        createdAt: Date;
        lastMessageAt: Date | null;
      }[]
    >`
      SELECT s."id", s."name", s."description", s."workspaceId", s."createdAt",
        (SELECT max(m."createdAt") FROM "Conversation" c JOIN "Message" m ON m."conversationId" = c."id"
          WHERE c."spaceId" = s."id" AND c."organizationId" = ${ctx.organizationId} AND NOT m."internal")
          AS "lastMessageAt"
      FROM "Space" s
      WHERE s."organizationId" = ${ctx.organizationId}
        ${ctx.visitor ? Prisma.sql`AND s."id" = ${ctx.visitor.spaceId}` : Prisma.empty}
        ${workspaces.length > 0 ? Prisma.sql`AND s."workspaceId" IN (${Prisma.join(workspaces)})` : Prisma.empty}
      ORDER BY ${input.lastMessageSortBy ? Prisma.sql`"lastMessageAt" ${direction} NULLS LAST,` : Prisma.empty}
        s."createdAt" ${direction}, s."id" ${direction}
      LIMIT ${SPACES_LISTED}`;
    return rows.map((row) => ({
      id: row.id,
      name: row.name,
      description: row.description,
      status: 'ACTIVE',
      workspaceId: row.workspaceId,
      createdAt: toIso(row.createdAt),
      lastMessageAt: toIsoOrNull(row.lastMessageAt),
    }));
  });
