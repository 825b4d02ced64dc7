import { createTestDatabase, type TestDatabase } from '@switchboard/db/testing';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { embeddedVacuum, tablesDue } from '../src/jobs/embedded-vacuum';
import { scheduledJobs } from '../src/jobs/scheduled-jobs';
import { createLogger } from '../src/logger';
import { createOrganization } from '../src/services/organizations';

const logger = createLogger('silent');
const job = embeddedVacuum(logger);
const rowsPerRound = 3_000;

// PGlite only: the job stands in for the autovacuum PostgreSQL runs by itself.
describe('vacuuming the embedded database', () => {
  let db: TestDatabase;
  let organizationId: string;
  let round = 0;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    const created = await db.prisma.$transaction((tx) =>
      createOrganization(tx, { name: 'Churn', actor: { type: 'SYSTEM', id: 'test' } }),
    );
    organizationId = created.organization.id;
  });
  afterAll(() => db.dispose());

  // A retention-sized turnover of the event log: a round of ~1 KB events written, the last
  // round's deleted, so the live rows stay the same.
  const churnEvents = async () => {
    round++;
    await db.prisma.$executeRaw`
      INSERT INTO "Event" ("id", "organizationId", "sequence", "type", "actorType", "actorId", "payload")
      SELECT gen_random_uuid()::text, ${organizationId}, ${round * rowsPerRound} + g, 'test.churn', 'SYSTEM', 'test',
        jsonb_build_object('body', repeat('x', 900))
      FROM generate_series(1, ${rowsPerRound}) g`;
    await db.prisma.$executeRaw`
      DELETE FROM "Event" WHERE "type" = 'test.churn' AND "sequence" <= ${round * rowsPerRound}`;
  };
  const eventTableBytes = async () =>
    Number(
      (await db.prisma.$queryRaw<{ bytes: bigint }[]>`SELECT pg_relation_size('"Event"') AS "bytes"`)[0]
        ?.bytes,
    );
  const eventTableStats = async () =>
    (
      await db.prisma.$queryRaw<{ dead: bigint; vacuumed: Date | null; analyzed: Date | null }[]>`
        SELECT "n_dead_tup" AS "dead", "last_vacuum" AS "vacuumed", "last_analyze" AS "analyzed"
        FROM pg_stat_user_tables WHERE "relname" = 'Event'`
    )[0];

  test('a table past autovacuum thresholds is due; a run vacuums and analyzes it, and then it is not', async () => {
    expect((await tablesDue(db.prisma)).map((table) => table.name)).not.toContain('public."Event"');
    await churnEvents();
    expect(await tablesDue(db.prisma)).toContainEqual({ name: 'public."Event"', vacuum: true });
    // Tables nobody changed are left alone.
    expect((await tablesDue(db.prisma)).map((table) => table.name)).not.toContain('public."Conversation"');

    await job.run(db.prisma, new Date());
    expect((await tablesDue(db.prisma)).map((table) => table.name)).not.toContain('public."Event"');
    const stats = await eventTableStats();
    expect(Number(stats?.dead)).toBe(0);
    expect(stats?.vacuumed).toBeInstanceOf(Date);
    expect(stats?.analyzed).toBeInstanceOf(Date);
  });

  test('with the job between turnovers the table stops growing; without it, it grows by every turnover', async () => {
    // Without the job: the space of the deleted rows is never reused.
    const before = await eventTableBytes();
    for (let i = 0; i < 3; i++) await churnEvents();
    const unvacuumed = await eventTableBytes();
    expect(unvacuumed - before).toBeGreaterThan(2.5 * rowsPerRound * 900);

    // With it: every turnover fits in the space the earlier ones left.
    await job.run(db.prisma, new Date());
    for (let i = 0; i < 3; i++) {
      await churnEvents();
      await job.run(db.prisma, new Date());
    }
    expect(await eventTableBytes()).toBeLessThanOrEqual(unvacuumed);
  });
});

describe('where the job is scheduled', () => {
  const intervals = { SCHEDULED_JOBS_INTERVAL_MS: 60_000, GROUP_SWEEP_INTERVAL_MS: 60_000 };
  test('an API on the embedded database schedules it; on PostgreSQL, which vacuums itself, it does not', () => {
    const names = (kind: 'pglite' | 'postgresql') =>
      scheduledJobs(intervals, kind, logger).map((j) => j.name);
    expect(names('pglite')).toContain(job.name);
    expect(names('postgresql')).not.toContain(job.name);
  });
});
