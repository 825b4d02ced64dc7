import type { PrismaClient } from '@switchboard/db';

/**
 * Claims the next run of a scheduled job: true for exactly one caller per due run, however many
 * processes ask at once, because claiming moves `runAfter` one interval ahead in a single
 * conditional UPDATE. The schedule lives in the database, so a restart continues it; a process
 * that dies mid-run leaves the work to the next run (every job is safe to run again).
 */
export async function claimRun(
  prisma: PrismaClient,
  job: { name: string; everyMs: number },
  now: Date,
): Promise<boolean> {
  await prisma.$executeRaw`
    INSERT INTO "jobs"."schedule" ("name", "runAfter") VALUES (${job.name}, ${now})
    ON CONFLICT ("name") DO NOTHING`;
  const next = new Date(now.getTime() + job.everyMs);
  const claimed = await prisma.$executeRaw`
    UPDATE "jobs"."schedule" SET "runAfter" = ${next}, "lastRunAt" = ${now}
    WHERE "name" = ${job.name} AND "runAfter" <= ${now}`;
  return claimed === 1;
}
