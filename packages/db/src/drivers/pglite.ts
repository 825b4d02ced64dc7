import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { pg_trgm } from '@electric-sql/pglite/contrib/pg_trgm';
import { PrismaPGlite } from 'pglite-prisma-adapter';
import { pgliteReads, type SqlReads } from '../direct-reads';
import type { SqlSession } from '../migrate/sql-session';
import { DurableNodeFS } from './durable-node-fs';
import { withPreparedTransactions } from './pglite-prepared';

export interface PgliteDriver {
  pglite: PGlite;
  session: SqlSession;
  adapter: PrismaPGlite;
  /** Single reads without Prisma in front (../direct-reads); they wait for an open transaction. */
  reads: SqlReads;
}

/**
 * PGlite's data directories say PostgreSQL's default, 128MB, and the WASM build zeroes the whole
 * buffer pool at start, so all of it is resident from the first second (about 310 MB RSS for
 * PGlite alone, against 220 MB with 64MB). Pages that miss the pool are read from the data
 * directory through the operating system's file cache: measured on an 88 MB table, a full scan
 * costs ~15% more CPU with 64MB, primary-key lookups the same.
 */
const sharedBuffers = '64MB';

/**
 * A data directory on disk keeps what was committed through a power cut or an OS crash: PGlite's
 * defaults start PostgreSQL with `-F` (fsync off), so they are dropped, WAL is forced to disk with
 * fsync() (the one sync call PGlite's file system really performs, see durable-node-fs.ts) before
 * a commit returns, and checkpoints sync the data files. The cost is in the README ("Durability of
 * the embedded database"). In memory there is no disk to sync.
 */
function startParams(onDisk: boolean): string[] {
  const buffers = ['-c', `shared_buffers=${sharedBuffers}`];
  if (!onDisk) return [...PGlite.defaultStartParams, ...buffers];
  const durable = PGlite.defaultStartParams.filter((param) => param !== '-F');
  return [...durable, ...buffers, '-c', 'fsync=on', '-c', 'wal_sync_method=fsync'];
}

/**
 * Opens (or creates) an embedded PostgreSQL in `dataDir`; `undefined` keeps it in memory.
 * `loadDataDir` seeds a new database from a dump, which skips the slow initdb step.
 * PGlite has a single connection, so one adapter instance serialises all access.
 */
export async function openPglite(options: { dataDir?: string; loadDataDir?: Blob }): Promise<PgliteDriver> {
  if (options.dataDir) await mkdir(options.dataDir, { recursive: true });
  const pglite = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir, fs: new DurableNodeFS(options.dataDir) } : {}),
    ...(options.loadDataDir ? { loadDataDir: options.loadDataDir } : {}),
    startParams: startParams(options.dataDir !== undefined),
    // The migrations create pg_trgm's GIN indexes (wildcard criteria, see src/criteria/README.md).
    // PGlite loads an extension's code only when it is listed here, so every database is opened
    // with it: without it, any write to "Conversation" fails on the index's operator class.
    extensions: { pg_trgm },
  });
  const session: SqlSession = {
    transaction: (work) =>
      pglite.transaction((tx) =>
        work({
          exec: async (script) => {
            await tx.exec(script);
          },
          query: async (sql, params) => (await tx.query(sql, params)).rows as never[],
        }),
      ),
  };
  return {
    pglite,
    session,
    adapter: new PrismaPGlite(withPreparedTransactions(pglite)),
    reads: pgliteReads(pglite),
  };
}
