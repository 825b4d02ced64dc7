import { Redis } from 'ioredis';
import pg from 'pg';
import {
  type RateLimiterAbstract,
  RateLimiterMemory,
  RateLimiterPostgres,
  RateLimiterRedis,
} from 'rate-limiter-flexible';
import type { Logger } from '../logger';

export const RATE_LIMIT_WINDOW_SECONDS = 60;

export interface RateLimitStore {
  /** Where the counters live: one process's memory, or shared by every API process. */
  kind: 'memory' | 'postgresql' | 'redis';
  limiter: RateLimiterAbstract;
  close(): Promise<void>;
}

export interface RateLimitStoreOptions {
  perMinute: number;
  /** PostgreSQL: counters in the table `rate_limit.counters` (migration 20261202070200_rate_limit_counters). */
  databaseUrl?: string | undefined;
  /** Redis, preferred when set: counters as keys that expire with their window. */
  redisUrl?: string | undefined;
  logger: Logger;
}

/**
 * The counters behind rateLimitPerPrincipal, in the one place every API process on the database
 * shares (so N processes do not give a key N times its budget): Redis when REDIS_URL is set, else
 * the PostgreSQL database, else (PGlite: one process) memory. rate-limiter-flexible does the
 * counting; each request is one atomic increment (a Lua script in Redis, an INSERT … ON CONFLICT
 * in PostgreSQL), and counters live outside the API, so a `kill -9` of one process loses none.
 */
export async function openRateLimitStore(options: RateLimitStoreOptions): Promise<RateLimitStore> {
  const budget = { points: options.perMinute, duration: RATE_LIMIT_WINDOW_SECONDS };
  const shared = {
    ...budget,
    // Once a key has spent its budget, this process refuses it without asking the store until the
    // window ends: a client hammering past its limit costs no store round trips.
    inMemoryBlockOnConsumed: options.perMinute,
    // If the store cannot be reached, each process falls back to counting alone, rather than
    // failing every request.
    insuranceLimiter: new RateLimiterMemory(budget),
  };
  if (options.redisUrl) {
    const client = await connectRedis(options.redisUrl, options.logger);
    const limiter = new RateLimiterRedis({ ...shared, storeClient: client, rejectIfRedisNotReady: true });
    return { kind: 'redis', limiter, close: async () => void (await client.quit()) };
  }
  if (options.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: options.databaseUrl,
      // A pool of its own: counting never waits behind the API's transactions, nor they behind it.
      max: 2,
      // A counter lost in a PostgreSQL crash is harmless; a WAL flush on every request is not.
      options: '-c synchronous_commit=off',
    });
    pool.on('error', (error) => options.logger.warn({ err: error }, 'rate-limit store connection failed'));
    const limiter = new RateLimiterPostgres({
      ...shared,
      storeClient: pool,
      storeType: 'pool',
      schemaName: 'rate_limit',
      tableName: 'counters',
      tableCreated: true,
    });
    return { kind: 'postgresql', limiter, close: () => pool.end() };
  }
  return { kind: 'memory', limiter: new RateLimiterMemory(budget), close: async () => {} };
}

/** Connects at start-up, so a wrong REDIS_URL stops the process instead of every request. */
async function connectRedis(url: string, logger: Logger): Promise<Redis> {
  // Commands fail at once while the connection is down (the memory fallback counts meanwhile)
  // instead of queueing behind it.
  const client = new Redis(url, { lazyConnect: true, enableOfflineQueue: false, maxRetriesPerRequest: 1 });
  let connected = false;
  let connectionError: Error | undefined;
  client.on('error', (error: Error) => {
    if (connected) logger.warn({ err: error }, 'rate-limit store (Redis) unreachable');
    else connectionError = error;
  });
  try {
    await client.connect();
  } catch (error) {
    client.disconnect();
    // connect() only says "Connection is closed."; the error event before it says why.
    const reason = (connectionError ?? (error as Error)).message;
    throw new Error(`REDIS_URL: cannot connect to Redis (${reason})`);
  }
  connected = true;
  return client;
}
