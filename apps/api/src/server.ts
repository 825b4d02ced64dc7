import type { Server } from 'node:http';
import { type Database, openDatabase } from '@switchboard/db';
import { createApp } from './app';
import { bootstrapFirstOrganization } from './auth/bootstrap';
import type { Env } from './env';
import { openRateLimitStore } from './http/rate-limit-store';
import type { Logger } from './logger';

export interface RunningServer {
  server: Server;
  db: Database;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

/** Opens and migrates the database, bootstraps the first organization, and listens. */
export async function startServer(env: Env, logger: Logger): Promise<RunningServer> {
  const db = await openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: env.dataDir,
    poolSize: env.DATABASE_POOL_SIZE,
  });
  if (db.migration.applied.length > 0) logger.info({ applied: db.migration.applied }, 'applied migrations');
  // Before the bootstrap, so a start that fails here has not printed a first key nobody keeps.
  const rateLimits = await openRateLimitStore({
    perMinute: env.RATE_LIMIT_PER_MINUTE,
    databaseUrl: env.DATABASE_URL,
    redisUrl: env.REDIS_URL,
    logger,
  }).catch(async (error: unknown) => {
    await db.close();
    throw error;
  });
  await bootstrapFirstOrganization(db.prisma, { bootstrapApiKey: env.BOOTSTRAP_API_KEY, logger });

  const app = createApp({ db, env, logger, rateLimits });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, database: db.kind, rateLimits: rateLimits.kind }, 'Switchboard API listening');

  const stop = async () => {
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await rateLimits.close();
    await db.close();
  };
  return { server, db, port, stop };
}
