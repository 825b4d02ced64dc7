import { type Database, openDatabase } from '@switchboard/db';
import { createPostgresDatabase, dropPostgresDatabase } from '@switchboard/db/testing';
import { afterAll, beforeAll } from 'vitest';
import { type ApiProcess, startApiProcess } from './api-process';
import { send } from './test-api';

export interface RestartSuite {
  /** The suite's database, for set-up and checks behind the API's back. */
  readonly prisma: Database['prisma'];
  /** Starts a real API process on the database, its scheduler ticking every 300 ms. */
  start(): Promise<ApiProcess>;
  /** Stops `api` (a restart's first half); the suite stops whichever process is left at its end. */
  stop(api: ApiProcess): Promise<void>;
  /** A JSON request with the bootstrap key. */
  call(api: ApiProcess, method: string, path: string, body?: unknown): ReturnType<typeof send>;
}

/**
 * Scheduled work across a restart needs a database that outlives the process: a fresh PostgreSQL
 * database for the describe block, dropped after it, with the API started as `npm start` would.
 */
export function useRestartSuite(key: string): RestartSuite {
  let databaseUrl: string | undefined;
  let db: Database | undefined;
  let running: ApiProcess | undefined;
  beforeAll(async () => {
    databaseUrl = await createPostgresDatabase();
    db = await openDatabase({ databaseUrl, poolSize: 2 });
  }, 60_000);
  afterAll(async () => {
    await running?.stop();
    await db?.close();
    if (databaseUrl) await dropPostgresDatabase(databaseUrl);
  }, 60_000);
  return {
    get prisma() {
      if (!db) throw new Error('the restart suite has not opened its database yet');
      return db.prisma;
    },
    start: async () => {
      running = await startApiProcess({
        DATABASE_URL: databaseUrl ?? '',
        BOOTSTRAP_API_KEY: key,
        LOG_LEVEL: 'warn',
        SCHEDULED_JOBS_INTERVAL_MS: '300',
      });
      return running;
    },
    stop: async (api) => {
      await api.stop();
      if (running === api) running = undefined;
    },
    call: (api, method, path, body) =>
      send(`${api.url}${path}`, {
        method,
        headers: { 'x-api-key': key, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
  };
}
