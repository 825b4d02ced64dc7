import { randomUUID } from 'node:crypto';
import { type MigrationFile, readMigrationFiles } from './migration-files';
import type { SqlSession, SqlTransaction } from './sql-session';

// Any fixed 64-bit number works; every Switchboard process uses this one, so concurrent starts
// queue behind each other instead of applying the same migration twice.
const MIGRATION_LOCK_KEY = 72_640_118_201;

// Prisma's own bookkeeping table, so `prisma migrate status` agrees wherever its engine runs.
const CREATE_MIGRATIONS_TABLE = `
CREATE TABLE IF NOT EXISTS "_prisma_migrations" (
  "id"                  VARCHAR(36) PRIMARY KEY NOT NULL,
  "checksum"            VARCHAR(64) NOT NULL,
  "finished_at"         TIMESTAMPTZ,
  "migration_name"      VARCHAR(255) NOT NULL,
  "logs"                TEXT,
  "rolled_back_at"      TIMESTAMPTZ,
  "started_at"          TIMESTAMPTZ NOT NULL DEFAULT now(),
  "applied_steps_count" INTEGER NOT NULL DEFAULT 0
)`;

export class MigrationError extends Error {
  override readonly name = 'MigrationError';
}

export interface MigrationReport {
  applied: string[];
  alreadyApplied: string[];
}

interface AppliedRow {
  migration_name: string;
  checksum: string;
}

/**
 * Brings the database up to date with `prisma/migrations`. Idempotent and safe to run from
 * several processes at once: all of it happens in one transaction holding an advisory lock.
 * Refuses to run when an applied migration's file was edited afterwards.
 */
export async function migrate(session: SqlSession, files?: MigrationFile[]): Promise<MigrationReport> {
  const migrations = files ?? (await readMigrationFiles());
  return session.transaction(async (tx) => {
    await tx.query('SELECT pg_advisory_xact_lock($1)', [MIGRATION_LOCK_KEY]);
    await tx.exec(CREATE_MIGRATIONS_TABLE);
    const applied = await appliedMigrations(tx);
    assertUnchanged(migrations, applied);

    const pending = migrations.filter((migration) => !applied.has(migration.name));
    for (const migration of pending) {
      await tx.exec(migration.sql);
      await tx.query(
        `INSERT INTO "_prisma_migrations" (id, checksum, migration_name, started_at, finished_at, applied_steps_count)
         VALUES ($1, $2, $3, now(), now(), 1)`,
        [randomUUID(), migration.checksum, migration.name],
      );
    }
    return {
      applied: pending.map((migration) => migration.name),
      alreadyApplied: migrations.filter((m) => applied.has(m.name)).map((m) => m.name),
    };
  });
}

async function appliedMigrations(tx: SqlTransaction): Promise<Map<string, string>> {
  const rows = await tx.query<AppliedRow>(
    `SELECT migration_name, checksum FROM "_prisma_migrations"
     WHERE finished_at IS NOT NULL AND rolled_back_at IS NULL`,
  );
  return new Map(rows.map((row) => [row.migration_name, row.checksum]));
}

function assertUnchanged(migrations: MigrationFile[], applied: Map<string, string>): void {
  const known = new Set(migrations.map((migration) => migration.name));
  for (const [name, checksum] of applied) {
    const file = migrations.find((migration) => migration.name === name);
    if (file && file.checksum !== checksum) {
      throw new MigrationError(
        `Migration "${name}" was edited after it was applied (checksum ${checksum.slice(0, 12)}… in the ` +
          `database, ${file.checksum.slice(0, 12)}… on disk). Restore the file and add a new migration instead.`,
      );
    }
    if (!known.has(name)) {
      throw new MigrationError(
        `The database has migration "${name}" applied, but prisma/migrations has no such folder. ` +
          'This build is older than the database; deploy a build that includes it.',
      );
    }
  }
}
