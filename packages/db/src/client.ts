import { readdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import { lockDataDir } from './data-dir-lock';
import type { SqlReads } from './direct-reads';
import { type Listen, pgliteListen, postgresListen } from './drivers/notifications';
import { openPglite } from './drivers/pglite';
import { openPostgres } from './drivers/postgres';
import { PrismaClient } from './generated/prisma/client';
import { type MigrationReport, migrate } from './migrate/migrate';
import { readPgliteTemplate, seedFromTemplateDataDir } from './pglite-template';

export type DatabaseKind = 'pglite' | 'postgresql';

export interface Database {
  prisma: PrismaClient;
  /**
   * Single read statements outside any transaction, straight to the driver: `$queryRaw` at less
   * than half Prisma's CPU, for the hottest reads (./direct-reads). Not for reads that must see a
   * transaction's own writes.
   */
  reads: SqlReads;
  kind: DatabaseKind;
  migration: MigrationReport;
  /** LISTEN for NOTIFY payloads committed by any session (every process on PostgreSQL). */
  listen: Listen;
  /** Disconnects Prisma and, for PGlite, closes the data directory cleanly. Safe to call twice. */
  close(): Promise<void>;
}

export interface DatabaseOptions {
  /** PostgreSQL connection string; when absent, the embedded PGlite database is used. */
  databaseUrl?: string | undefined;
  /** PGlite data directory (default `./.data`); `memory` keeps it in memory. */
  dataDir?: string | undefined;
  /** Seeds a brand-new PGlite database from this dump instead of the install-time template. */
  pgliteTemplate?: Blob | undefined;
  poolSize?: number | undefined;
}

/** The one way to get a ready (migrated) Prisma client, on PGlite or PostgreSQL. */
export async function openDatabase(options: DatabaseOptions = {}): Promise<Database> {
  return options.databaseUrl
    ? openPostgresDatabase(options.databaseUrl, options)
    : openPgliteDatabase(options);
}

async function openPostgresDatabase(databaseUrl: string, options: DatabaseOptions): Promise<Database> {
  const driver = openPostgres({ databaseUrl, poolSize: options.poolSize });
  const migration = await migrate(driver.session);
  const prisma = new PrismaClient({ adapter: driver.adapter, transactionOptions });
  const notifications = postgresListen(databaseUrl);
  const close = once(async () => {
    await notifications.closeAll();
    await prisma.$disconnect();
  });
  return { prisma, reads: driver.reads, kind: 'postgresql', migration, listen: notifications.listen, close };
}

async function openPgliteDatabase(options: DatabaseOptions): Promise<Database> {
  const inMemory = options.dataDir === 'memory';
  const dataDir = inMemory ? undefined : resolve(options.dataDir ?? '.data');
  const unlock = dataDir ? lockDataDir(dataDir) : () => {};
  try {
    const driver = await openPglite({ dataDir, loadDataDir: await newDatabaseSeed(dataDir, options) });
    const migration = await migrate(driver.session);
    const prisma = new PrismaClient({ adapter: driver.adapter, transactionOptions });
    const close = once(async () => {
      await prisma.$disconnect();
      await driver.pglite.close();
      unlock();
    });
    return {
      prisma,
      reads: driver.reads,
      kind: 'pglite',
      migration,
      listen: pgliteListen(driver.pglite),
      close,
    };
  } catch (error) {
    unlock();
    throw error;
  }
}

/**
 * A new database starts from the install-time template, never from initdb: on disk the template's
 * data directory is copied into place (after which opening it is an ordinary restart), in memory
 * (or when the directory template is missing) its dump is loaded. An existing database opens as is.
 */
async function newDatabaseSeed(
  dataDir: string | undefined,
  options: DatabaseOptions,
): Promise<Blob | undefined> {
  if (dataDir && (await hasDatabase(dataDir))) return undefined;
  if (options.pgliteTemplate) return options.pgliteTemplate;
  if (dataDir && (await seedFromTemplateDataDir(dataDir))) return undefined;
  return readPgliteTemplate();
}

async function hasDatabase(dataDir: string): Promise<boolean> {
  try {
    return (await readdir(dataDir)).length > 0;
  } catch {
    return false;
  }
}

/**
 * Interactive transactions wait for row locks (routing serialises on agents) and, on PGlite, for
 * the single connection; Prisma's defaults (2 s to start, 5 s in all) turn a burst of requests
 * into errors, so every transaction may wait longer. Lock order is fixed, so waits always end.
 */
const transactionOptions = { maxWait: 30_000, timeout: 30_000 };

function once(action: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | undefined;
  return () => {
    done ??= action();
    return done;
  };
}
