import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { DatabaseKind } from '../src/client';
import { commitsTransaction } from '../src/drivers/committing-client';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase, testDatabaseKinds } from '../src/testing';

/** A test database of the kind with a table of notes, for the describe block that calls it. */
function probeDatabase(kind: DatabaseKind) {
  const probe = { db: undefined as unknown as TestDatabase };
  beforeAll(async () => {
    probe.db = await createTestDatabase(kind);
    await probe.db.prisma.$executeRawUnsafe(
      'CREATE TABLE "Probe" ("id" int PRIMARY KEY, "note" text NOT NULL)',
    );
  });
  afterAll(() => probe.db?.dispose());
  return probe;
}

const insert = (id: number, note: string) => Prisma.sql`INSERT INTO "Probe" VALUES (${id}, ${note})`;
const notesIn = async (db: TestDatabase) =>
  (await db.prisma.$queryRaw<{ note: string }[]>`SELECT "note" FROM "Probe" ORDER BY "id"`).map(
    (r) => r.note,
  );

describe.each(testDatabaseKinds())('a statement marked commitsTransaction on %s', (kind) => {
  const probe = probeDatabase(kind);
  const notes = () => notesIn(probe.db);

  test('its transaction is committed with it, before the transaction callback returns', async () => {
    await probe.db.prisma.$transaction(async (tx) => {
      await tx.$executeRaw(insert(1, 'first'));
      await tx.$executeRaw(commitsTransaction(insert(2, 'last')));
      if (kind === 'postgresql') {
        // Another session sees both rows now: the COMMIT left with the marked statement, so no
        // lock of this transaction waits for the API to send it.
        const other = new pg.Client({ connectionString: probe.db.url });
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
      probe.db.prisma.$transaction(async (tx) => {
        await tx.$executeRaw(insert(3, 'undone'));
        await tx.$executeRaw(commitsTransaction(insert(1, 'duplicate id')));
      }),
    ).rejects.toThrow(/Unique constraint|duplicate key/);
    expect(await notes()).toEqual(['first', 'last']);
    // The connections are back to normal: the next transactions commit and roll back as usual.
    await probe.db.prisma.$transaction((tx) => tx.$executeRaw(insert(4, 'next')));
    await expect(
      probe.db.prisma.$transaction(async (tx) => {
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
    const probe = probeDatabase(kind);

    test('a statement sent after it fails loudly instead of running outside the transaction', async () => {
      await expect(
        probe.db.prisma.$transaction(async (tx) => {
          await tx.$executeRaw(commitsTransaction(insert(1, 'committed')));
          await tx.$executeRaw(insert(2, 'too late'));
        }),
      ).rejects.toThrow(/sent after the one that committed its transaction/);
      expect(await notesIn(probe.db)).toEqual(['committed']);
    });
  },
);
