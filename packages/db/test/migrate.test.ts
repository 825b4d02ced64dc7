import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openPglite } from '../src/drivers/pglite';
import { openPostgres } from '../src/drivers/postgres';
import { MigrationError, migrate } from '../src/migrate/migrate';
import { readMigrationFiles } from '../src/migrate/migration-files';
import type { SqlSession } from '../src/migrate/sql-session';
import { createPostgresDatabase, dropPostgresDatabase, testDatabaseKinds } from '../src/testing';

async function openSession(kind: string): Promise<{ session: SqlSession; close(): Promise<void> }> {
  if (kind === 'pglite') {
    const { pglite, session } = await openPglite({});
    return { session, close: () => pglite.close() };
  }
  const url = await createPostgresDatabase();
  const { session } = openPostgres({ databaseUrl: url });
  return { session, close: () => dropPostgresDatabase(url) };
}

describe.each(testDatabaseKinds())('migrator on %s', (kind) => {
  let db: Awaited<ReturnType<typeof openSession>>;
  beforeAll(async () => {
    db = await openSession(kind);
  });
  afterAll(() => db.close());

  test('applies every migration once and records it as Prisma does', async () => {
    const files = await readMigrationFiles();
    const first = await migrate(db.session, files);
    expect(first.applied).toEqual(files.map((file) => file.name));

    const second = await migrate(db.session, files);
    expect(second.applied).toEqual([]);
    expect(second.alreadyApplied).toEqual(files.map((file) => file.name));

    const rows = await db.session.transaction((tx) =>
      tx.query<{ migration_name: string; checksum: string; finished_at: Date | null }>(
        'SELECT migration_name, checksum, finished_at FROM "_prisma_migrations" ORDER BY migration_name',
      ),
    );
    expect(rows.map((row) => [row.migration_name, row.checksum])).toEqual(
      files.map((file) => [file.name, file.checksum]),
    );
    expect(rows.every((row) => row.finished_at !== null)).toBe(true);
  });

  test('refuses to start when an applied migration file was edited', async () => {
    const files = await readMigrationFiles();
    const edited = files.map((file, index) =>
      index === 0 ? { ...file, checksum: 'f'.repeat(64), sql: `${file.sql}\n-- edited` } : file,
    );
    await expect(migrate(db.session, edited)).rejects.toThrow(MigrationError);
    await expect(migrate(db.session, edited)).rejects.toThrow(/was edited after it was applied/);
  });

  test('a failing migration leaves nothing behind', async () => {
    const files = await readMigrationFiles();
    const broken = [
      ...files,
      {
        name: '99999999999999_broken',
        sql: 'CREATE TABLE "Half" (id int); SELECT no_such_fn();',
        checksum: 'x',
      },
    ];
    await expect(migrate(db.session, broken)).rejects.toThrow();
    const tables = await db.session.transaction((tx) =>
      tx.query<{ n: number }>(
        `SELECT count(*)::int AS n FROM information_schema.tables WHERE table_name = 'Half'`,
      ),
    );
    expect(tables[0]?.n).toBe(0);
  });
});
