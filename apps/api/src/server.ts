import type { Server } from 'node:http';
import { type Database, openDatabase } from '@switchboard/db';
import { createApp } from './app';
import { bootstrapFirstOrganization } from './auth/bootstrap';
import type { Env } from './env';
import { startEventPruning } from './events/prune-events';
import { openRateLimitStore } from './http/rate-limit-store';
import { scheduledJobs, schedulerTickMs } from './jobs/scheduled-jobs';
import { startScheduler } from './jobs/scheduler';
import type { Logger } from './logger';
import { startDeliveryThread } from './webhooks/delivery-thread';
import type { WebhookSettings } from './webhooks/settings';
import { webhookSettingsFromEnv } from './webhooks/settings-from-env';
import { startWebhookDispatcher, type WebhookDispatcher } from './webhooks/webhook-dispatcher';
import { welcomeText } from './welcome';

export interface RunningServer {
  server: Server;
  db: Database;
  port: number;
  /** Stops accepting requests, lets in-flight ones finish, then closes the database. */
  stop(): Promise<void>;
}

export interface ServerOptions {
  /**
   * The process's entry point, which runs the webhook delivery thread when started as one
   * (main.ts). Without it (the server started from a test), delivery runs on this thread.
   */
  entryPoint?: string | undefined;
}

/** Opens and migrates the database, bootstraps the first organization, and listens. */
export async function startServer(
  env: Env,
  logger: Logger,
  options: ServerOptions = {},
): Promise<RunningServer> {
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
  const generated = await bootstrapFirstOrganization(db.prisma, {
    bootstrapApiKey: env.BOOTSTRAP_API_KEY,
    logger,
  });

  const stopPruning = startEventPruning(db.prisma, { retentionDays: env.EVENT_RETENTION_DAYS, logger });
  // Open event streams never end by themselves: stopping ends them, so in-flight requests can finish.
  const shutdown = new AbortController();
  const webhooks = webhookSettingsFromEnv(env);
  const app = createApp({ db, env, logger, rateLimits, shutdown: shutdown.signal, webhooks });
  const server = await new Promise<Server>((resolve, reject) => {
    const listening = app.listen(env.PORT, () => resolve(listening));
    listening.once('error', reject);
  });
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : env.PORT;
  logger.info({ port, database: db.kind, rateLimits: rateLimits.kind }, 'Switchboard API listening');
  // For the person who typed `npm start`, whatever LOG_LEVEL says: where to go, and a new key.
  process.stdout.write(welcomeText({ port, generated }));
  const dispatcher = startDispatcher(env, db, webhooks, logger, options.entryPoint);

  const scheduler = startScheduler(db.prisma, scheduledJobs(env, db.kind, logger), {
    tickMs: schedulerTickMs(env),
    logger,
  });

  const stop = async () => {
    stopPruning();
    await scheduler.stop();
    shutdown.abort();
    await new Promise<void>((resolve) => {
      server.close(() => resolve());
      server.closeIdleConnections();
    });
    await rateLimits.close();
    await dispatcher?.stop();
    await db.close();
  };
  return { server, db, port, stop };
}

/**
 * Who delivers webhooks from this process: with WEBHOOK_DELIVERY=worker nobody (only `npm run
 * worker` processes do); on PostgreSQL a thread of its own (./webhooks/delivery-thread); on the
 * embedded database, which this thread holds, the request thread.
 */
function startDispatcher(
  env: Env,
  db: Database,
  webhooks: WebhookSettings,
  logger: Logger,
  entryPoint: string | undefined,
): WebhookDispatcher | null {
  if (env.WEBHOOK_DELIVERY === 'worker') return null;
  if (db.kind === 'postgresql' && entryPoint) return startDeliveryThread(entryPoint, logger);
  return startWebhookDispatcher(db, webhooks, logger);
}
