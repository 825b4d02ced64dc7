import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type DatabaseKind, openDatabase } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase } from '@switchboard/db/testing';
import { type ApiProcess, startApiProcess } from '../../support/api-process';

/** The Node flags `npm start` gives the API for this database (apps/api/node-flags.json). */
const nodeFlags = (kind: DatabaseKind): string[] =>
  JSON.parse(readFileSync(new URL('../../../node-flags.json', import.meta.url), 'utf8'))[kind];

export interface ChildApiSetup {
  /** The bootstrap organization's key. */
  key: string;
  env: Record<string, string>;
  /** Starts (or restarts, on the same data) an API process. */
  start(options?: { heapFlags?: string[] }): Promise<ApiProcess>;
  /** The database directly, as a restarted process would see it (close it after). */
  open(): ReturnType<typeof openDatabase>;
  cleanup(): Promise<void>;
}

/**
 * API processes over a database of their own (a PGlite directory, or a new PostgreSQL database),
 * started from source like test/support/api-process.ts, with `npm start`'s Node flags for the
 * database unless `heapFlags` says otherwise.
 */
export async function childApiSetup(
  kind: DatabaseKind,
  extraEnv: Record<string, string> = {},
): Promise<ChildApiSetup> {
  const key = `child-${randomBytes(16).toString('hex')}`;
  const env: Record<string, string> = {
    BOOTSTRAP_API_KEY: key,
    RATE_LIMIT_PER_MINUTE: '1000000',
    ...extraEnv,
  };
  let dataDir: string | undefined;
  let cleanup: () => Promise<void>;
  if (kind === 'pglite') {
    dataDir = await mkdtemp(join(tmpdir(), 'switchboard-child-'));
    env.DATA_DIR = dataDir;
    cleanup = () => rm(dataDir as string, { recursive: true, force: true });
  } else {
    const url = await createPostgresDatabase();
    env.DATABASE_URL = url;
    cleanup = () => dropPostgresDatabase(url);
  }
  return {
    key,
    env,
    start: ({ heapFlags = nodeFlags(kind) } = {}) =>
      startApiProcess({ ...env, NODE_OPTIONS: heapFlags.join(' ') }, 120_000),
    open: () =>
      dataDir ? openDatabase({ dataDir }) : openDatabase({ databaseUrl: env.DATABASE_URL, poolSize: 2 }),
    cleanup,
  };
}
