import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';
import { sequenceSchema } from '../events/event.types';

/** The last event sequence the bot handled (0 before any): where a (re)started bot resumes. */
export const getEventCursor = protectedProcedure
  .input(z.object({}).optional())
  .output(z.object({ sequence: sequenceSchema }))
  .query(async ({ ctx }) => {
    const row = await ctx.prisma.slackCursor.findUnique({ where: { organizationId: ctx.organizationId } });
    return { sequence: Number(row?.sequence ?? 0) };
  });

/** Moves the cursor forward only: two bot processes reporting out of order never move it back. */
export const advanceEventCursor = protectedProcedure
  .input(z.object({ sequence: sequenceSchema }))
  .output(z.object({ sequence: sequenceSchema }))
  .mutation(async ({ ctx, input }) => {
    const sequence = BigInt(input.sequence);
    await ctx.prisma.$executeRaw`INSERT INTO "SlackCursor" ("organizationId", "sequence", "updatedAt")
      VALUES (${ctx.organizationId}, ${sequence}, now())
      ON CONFLICT ("organizationId") DO UPDATE SET "sequence" = GREATEST("SlackCursor"."sequence", EXCLUDED."sequence"), "updatedAt" = now()`;
    const row = await ctx.prisma.slackCursor.findUnique({ where: { organizationId: ctx.organizationId } });
    return { sequence: Number(row?.sequence ?? 0) };
  });
