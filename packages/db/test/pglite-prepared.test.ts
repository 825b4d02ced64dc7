import { PGlite } from '@electric-sql/pglite';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { withPreparedTransactions } from '../src/drivers/pglite-prepared';
import { Prisma } from '../src/generated/prisma/client';
import { createTestDatabase, type TestDatabase } from '../src/testing';

const preparedStatements = async (pglite: Pick<PGlite, 'query'>) =>
  (
    await pglite.query<{ name: string; statement: string }>(
      'SELECT name, statement FROM pg_prepared_statements',
    )
  ).rows;

// PGlite only: on PostgreSQL the adapter names statements itself (prepared-statements.test.ts).
describe('statements of PGlite transactions, prepared', () => {
  let db: TestDatabase;
  let organizationId: string;
  beforeAll(async () => {
    db = await createTestDatabase('pglite');
    const organization = await db.prisma.organization.create({ data: { name: 'Prepared' } });
    organizationId = organization.id;
    const workspace = await db.prisma.workspace.create({ data: { organizationId, name: 'Main' } });
    await db.prisma.conversation.create({
      data: {
        organizationId,
        workspaceId: workspace.id,
        topic: 'prepared',
        metadata: { customerId: 'c-1', nested: { vip: true } },
        closedAt: new Date(Date.UTC(2026, 9, 25, 1, 30, 0, 7)),
      },
    });
  });
  afterAll(() => db?.close());

  const listedCount = async () =>
    (
      await db.prisma.$queryRaw<{ count: number }[]>`
      SELECT count(*)::int AS "count" FROM pg_prepared_statements WHERE statement LIKE '%"prepared marker"%'`
    )[0]?.count;

  // Every column type the API's statements return, a Date, a null and an array among the arguments.
  const statement = (since: Date) => Prisma.sql`
    SELECT c."id", c."topic", c."status"::text AS "status", c."version", c."metadata", c."createdAt",
      c."closedAt", count(*) OVER () AS "total", ${null}::text AS "nothing",
      ${['a', 'b']}::text[] AS "texts", 'prepared marker' AS "prepared marker"
    FROM "Conversation" c
    WHERE c."organizationId" = ${organizationId} AND c."closedAt" >= ${since}`;

  test('a statement inside a transaction is prepared once and answers as PGlite’s own query does', async () => {
    const since = new Date(Date.UTC(2026, 0, 1));
    const outside = await db.prisma.$queryRaw(statement(since));
    expect(await listedCount()).toBe(0);
    for (let i = 0; i < 3; i++) {
      const inside = await db.prisma.$transaction((tx) => tx.$queryRaw(statement(since)));
      expect(inside).toStrictEqual(outside);
    }
    expect(await listedCount()).toBe(1);
    expect(outside).toMatchObject([{ topic: 'prepared', total: 1n, nothing: null, texts: ['a', 'b'] }]);
  });

  test('a failing statement fails as it does outside a transaction, and rolls its transaction back', async () => {
    const insert = (id: string) =>
      Prisma.sql`INSERT INTO "Organization" ("id", "name", "updatedAt") VALUES (${id}, 'duplicate', now())`;
    const outside = await db.prisma.$executeRaw(insert(organizationId)).catch((error: unknown) => error);
    const inside = await db.prisma
      .$transaction(async (tx) => {
        await tx.$executeRaw(insert('dup-first'));
        await tx.$executeRaw(insert(organizationId));
      })
      .catch((error: unknown) => error);
    const causeOf = (error: unknown) =>
      (error as { meta?: { driverAdapterError?: { cause?: unknown } } }).meta?.driverAdapterError?.cause;
    expect(causeOf(inside)).toMatchObject({ kind: 'UniqueConstraintViolation', originalCode: '23505' });
    expect(causeOf(inside)).toStrictEqual(causeOf(outside));
    expect((inside as { code?: string }).code).toBe((outside as { code?: string }).code);
    expect(await db.prisma.organization.count({ where: { id: 'dup-first' } })).toBe(0);

    const syntax = await db.prisma
      .$transaction((tx) => tx.$queryRawUnsafe('SELEC 1'))
      .catch((error: unknown) => error);
    expect(causeOf(syntax)).toMatchObject({ originalCode: '42601' });
    expect(await db.prisma.$transaction((tx) => tx.$queryRaw`SELECT ${2}::int AS "two"`)).toEqual([
      { two: 2 },
    ]);
  });
});

describe('the prepared statements of PGlite transactions are bounded', () => {
  let pglite: PGlite;
  beforeAll(async () => {
    pglite = await PGlite.create();
  });
  afterAll(() => pglite?.close());

  test('past the bound the least recently used statement is closed, and prepared again when needed', async () => {
    const client = withPreparedTransactions(pglite, 3);
    const select = (n: number) => `SELECT $1::int + ${n} AS "sum"`;
    const run = (n: number) => client.transaction((tx) => tx.query<{ sum: number }>(select(n), [n]));
    for (const n of [1, 2, 3]) await run(n);
    await run(1); // 1 is now the most recently used: 2 goes first
    await run(4);
    expect((await preparedStatements(pglite)).map((row) => row.statement).sort()).toEqual(
      [select(1), select(3), select(4)].sort(),
    );
    expect((await run(2)).rows).toEqual([{ sum: 4 }]);
    expect(await preparedStatements(pglite)).toHaveLength(3);
  });

  test('outside a transaction the client is PGlite itself, and prepares nothing', async () => {
    await pglite.exec('DEALLOCATE ALL');
    const client = withPreparedTransactions(pglite, 3);
    expect((await client.query<{ one: number }>('SELECT $1::int AS "one"', [1])).rows).toEqual([{ one: 1 }]);
    expect(await preparedStatements(pglite)).toEqual([]);
  });
});
