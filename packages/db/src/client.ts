import { resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import { openPglite } from './drivers/pglite';
import { openPostgres } from './drivers/postgres';
import { PrismaClient } from './generated/prisma/client';
import { type MigrationReport, migrate } from './migrate/migrate';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  prisma: PrismaClient;
  kind: DatabaseKind;
  migration: MigrationReport;
  /** Disconnects Prisma and, for PGlite, closes the data directory cleanly. Safe to call twice. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default `./.data`); `memory` keeps it in memory. */
  dataDir?: string | undefined;
  /** Seeds a brand-new PGlite database from a dump instead of running initdb. */
  pgliteTemplate?: Blob | undefined;
  poolSize?: number | undefined;
}

/** The one way to get a ready (migrated) Prisma client, on PGlite or PostgreSQL. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl ? openPostgresDatabase(options.databaseUrl, options) : openPgliteDatabase(options);
}

async function openPostgresDatabase(databaseUrl: string, options: DatabaseOptions): Promise<Database> {
  const driver = openPostgres({ databaseUrl, poolSize: options.poolSize });
  const migration = await migrate(driver.session);
  const prisma = new PrismaClient({ adapter: driver.adapter });
  return { prisma, kind: 'postgresql', migration, close: once(() => prisma.$disconnect()) };
}

async function openPgliteDatabase(options: DatabaseOptions): Promise<Database> {
  const inMemory = options.dataDir === 'memory';
  const dataDir = inMemory ? undefined : resolve(options.dataDir ?? '.data');
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const driver = await openPglite({ dataDir, loadDataDir: options.pgliteTemplate });
    const migration = await migrate(driver.session);
    const prisma = new PrismaClient({ adapter: driver.adapter });
    const close = once(async () => {
      await prisma.$disconnect();
      await driver.pglite.close();
      unlock();
    });
    return { prisma, kind: 'pglite', migration, close };
  } catch (error) {
    unlock();
    throw error;
  }
}

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= action();
    return done;
  };
}
