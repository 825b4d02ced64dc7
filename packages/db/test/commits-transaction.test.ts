import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { commitsTransaction } from '../src/drivers/committing-client';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

describe.each(testDatabaseKinds())('a statement marked commitsTransaction on %s', (kind) => {
  let db: TestDatabase;
  beforeAll(async () => {
    db = await createTestDatabase(kind);
    await db.prisma.$executeRawUnsafe('CREATE TABLE "Probe" ("id" int PRIMARY KEY, "note" text NOT NULL)');
  });
  afterAll(() => db?.dispose());

  const notes = async () =>
    (await db.prisma.$queryRaw<{ note: string }[]>`SELECT "note" FROM "Probe" ORDER BY "id"`).map(
      (r) => r.note,
    );
  const insert = (id: number, note: string) => Prisma.sql`INSERT INTO "Probe" VALUES (${id}, ${note})`;

  test('its transaction is committed with it, before the transaction callback returns', async () => {
    await db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw(insert(1, 'first'));
      await tx.$executeRaw(commitsTransaction(insert(2, 'last')));
      if (kind === 'postgresql') {
        // Another session sees both rows now: the COMMIT left with the marked statement, so no
        // lock of this transaction waits for the API to send it.
        const other = new pg.Client({ connectionString: db.url });
        await other.connect();
        try {
          const { rows } = await other.query('SELECT "note" FROM "Probe" ORDER BY "id"');
          expect(rows.map((row) => row.note)).toEqual(['first', 'last']);
        } finally {
          await other.end();
        }
      }
    });
    expect(await notes()).toEqual(['first', 'last']);
  });

  test('when it fails, nothing of its transaction is written and its error is the one thrown', async () => {
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw(insert(3, 'undone'));
        await tx.$executeRaw(commitsTransaction(insert(1, 'duplicate id')));
      }),
    ).rejects.toThrow(/Unique constraint|duplicate key/);
    expect(await notes()).toEqual(['first', 'last']);
    // The connections are back to normal: the next transactions commit and roll back as usual.
    await db.prisma.$transaction((tx) => tx.$executeRaw(insert(4, 'next')));
    await expect(
      db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw(insert(5, 'rolled back'));
        throw new Error('changed my mind');
      }),
    ).rejects.toThrow('changed my mind');
    expect(await notes()).toEqual(['first', 'last', 'next']);
  });
});

// PostgreSQL only: on PGlite the mark is a comment, and the transaction ends when Prisma ends it.
describe.each(testDatabaseKinds().filter((kind) => kind === 'postgresql'))(
  'after a statement marked commitsTransaction on %s',
  (kind) => {
    let db: TestDatabase;
    beforeAll(async () => {
      db = await createTestDatabase(kind);
      await db.prisma.$executeRawUnsafe('CREATE TABLE "Probe" ("id" int PRIMARY KEY, "note" text NOT NULL)');
    });
    afterAll(() => db?.dispose());

    test('a statement sent after it fails loudly instead of running outside the transaction', async () => {
      await expect(
        db.prisma.$transaction(async (tx) => {
          await tx.$executeRaw(commitsTransaction(Prisma.sql`INSERT INTO "Probe" VALUES (1, 'committed')`));
          await tx.$executeRaw(Prisma.sql`INSERT INTO "Probe" VALUES (2, 'too late')`);
        }),
      ).rejects.toThrow(/sent after the one that committed its transaction/);
      const rows = await db.prisma.$queryRaw<{ note: string }[]>`SELECT "note" FROM "Probe" ORDER BY "id"`;
      expect(rows.map((row) => row.note)).toEqual(['committed']);
    });
  },
);
