import { afterAll, afterEach, beforeAll, describe, expect, test } from 'vitest';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

// `Database.reads` replaces Prisma's `$queryRaw` on hot reads: it must answer exactly as Prisma
// does, value for value and type for type, whatever the process's time zone.
describe.each(testDatabaseKinds())('direct reads on %s', (kind) => {
  let db: TestDatabase;
  const zone = process.env.TZ;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    const organization = await db.prisma.organization.create({ data: { name: 'Direct reads' } });
    const workspace = await db.prisma.workspace.create({
      data: { organizationId: organization.id, name: 'Main' },
    });
    for (const [i, topic] of ['first', 'second', 'third'].entries()) {
      await db.prisma.conversation.create({
        data: {
          organizationId: organization.id,
          workspaceId: workspace.id,
          topic,
          status: 'WAITING',
          metadata: { customerId: `c-${i}`, nested: { vip: i === 0 }, list: [1, 'two'] },
          createdAt: new Date(Date.UTC(2026, 2, 29, 0, 59, 59, 123 + i)),
          closedAt: i === 2 ? null : new Date(Date.UTC(2026, 9, 25, 1, 30, i, 7)),
        },
      });
    }
  });
  afterAll(() => db?.close());
  afterEach(() => {
    // Node rereads TZ whenever it is assigned; `undefined` would become the string "undefined".
    if (zone === undefined) delete process.env.TZ;
    else process.env.TZ = zone;
  });

  // Every column type the schema's raw reads return: text, enum cast to text, int4, int8, jsonb,
  // timestamp(3) (null and not), a text array, and a Date argument.
  const statement = () => Prisma.sql`
    SELECT c."id", c."topic", c."summary", c."status"::text AS "status", c."version",
      c."metadata", c."createdAt", c."closedAt",
      count(*) OVER () AS "total",
      ARRAY[c."topic", 'ünïcødé "quoted"', NULL] AS "texts"
    FROM "Conversation" c
    WHERE c."createdAt" >= ${new Date(Date.UTC(2026, 2, 29, 0, 59, 59, 124))}
    ORDER BY c."createdAt"`;

  test.each(['UTC', 'Pacific/Chatham', 'America/Los_Angeles'])(
    'the same rows as Prisma $queryRaw with the process in %s',
    async (timeZone) => {
      process.env.TZ = timeZone;
      const direct = await db.reads.$queryRaw<Record<string, unknown>[]>(statement());
      const viaPrisma = await db.prisma.$queryRaw<Record<string, unknown>[]>(statement());
      expect(direct).toStrictEqual(viaPrisma);
      expect(direct.map((row) => row.topic)).toEqual(['second', 'third']);
      expect(direct[0]?.createdAt).toEqual(new Date('2026-03-29T00:59:59.124Z'));
      expect(direct[0]?.total).toBe(2n);
    },
  );

  test("a read never joins another request's open transaction", async () => {
    let release = () => {};
    const held = new Promise<void>((resolve) => {
      release = resolve;
    });
    let inserted = () => {};
    const insertedYet = new Promise<void>((resolve) => {
      inserted = resolve;
    });
    const transaction = db.prisma.$transaction(async (tx) => {
      await tx.organization.create({ data: { name: 'Uncommitted' } });
      inserted();
      await held;
    });
    await insertedYet;
    let answered = false;
    const read = db.reads
      .$queryRaw<{ name: string }[]>(
        Prisma.sql`SELECT "name" FROM "Organization" WHERE "name" = 'Uncommitted'`,
      )
      .then((rows) => {
        answered = true;
        return rows;
      });
    await new Promise((resolve) => setTimeout(resolve, 100));
    // PostgreSQL: another connection, which does not see the uncommitted row. PGlite has one
    // session, so the read waits for the transaction to end instead of running inside it.
    if (kind === 'postgresql') expect(await read).toEqual([]);
    else expect(answered).toBe(false);
    release();
    await transaction;
    if (kind === 'pglite') expect(await read).toEqual([{ name: 'Uncommitted' }]);
  });

  test('a bad statement is refused with the database error, as through Prisma', async () => {
    await expect(db.reads.$queryRaw(Prisma.sql`SELECT "nope" FROM "Conversation"`)).rejects.toThrow(/nope/);
  });
});

// PostgreSQL only: PGlite has no connections to lose.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'direct reads on %s when a pooled connection breaks',
  (kind) => {
    test('before Prisma has connected, the process survives and the next read reconnects', async () => {
      const db = await createTestDatabase(kind);
      try {
        const backend = Prisma.sql`SELECT pg_backend_pid() AS "pid"`;
        const [first] = await db.reads.$queryRaw<{ pid: number }[]>(backend);
        const pid = first?.pid;
        // Another session ends the idle pooled connection, as a server restart would.
        const other = await createTestDatabase(kind);
        await other.prisma.$queryRaw`SELECT pg_terminate_backend(${pid})`.finally(() => other.close());
        await new Promise((resolve) => setTimeout(resolve, 200));
        const [again] = await db.reads.$queryRaw<{ pid: number }[]>(backend);
        expect(again?.pid).not.toBe(pid);
      } finally {
        await db.close();
      }
    });
  },
);
