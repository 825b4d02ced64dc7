import { z } from 'zod';
import { protectedProcedure } from '../../trpc/init';

// Expired claims are removed a few at a time by the callers themselves, so the table stays small
// without a sweeper and no single call does unbounded work.
const PURGE_BATCH = 100;

/**
 * `first: true` for exactly one caller per key within `ttlSeconds`, across bot processes and
 * restarts: a retried Slack delivery (its event_id) or a log event handled by the bot runs once.
 */
export const claimOnce = protectedProcedure
  .input(
    z.object({
      key: z.string().trim().min(1).max(200),
      ttlSeconds: z
        .number()
        .int()
        .min(1)
        .max(7 * 24 * 3600)
        .default(3600),
    }),
  )
  .output(z.object({ first: z.boolean() }))
  .mutation(async ({ ctx, input }) => {
    const { organizationId } = ctx;
    const now = new Date();
    await ctx.prisma.$executeRaw`DELETE FROM "SlackClaim" WHERE ("organizationId", "key") IN (
      SELECT "organizationId", "key" FROM "SlackClaim" WHERE "expiresAt" < ${now} LIMIT ${PURGE_BATCH})`;
    const { count } = await ctx.prisma.slackClaim.createMany({
      data: [
        { organizationId, key: input.key, expiresAt: new Date(now.getTime() + input.ttlSeconds * 1000) },
      ],
      skipDuplicates: true,
    });
    return { first: count === 1 };
  });
