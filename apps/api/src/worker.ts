import { ConfigError, loadEnvOrExit } from './env';
import { createLogger } from './logger';
import { startDelivery } from './webhooks/start-delivery';

// `npm run worker`: delivers webhooks and nothing else, for deployments that run the API with
// WEBHOOK_DELIVERY=worker. Any number of workers (and API processes) may share one PostgreSQL.
async function main(): Promise<void> {
  const env = loadEnvOrExit(({ DATABASE_URL }) => {
    if (!DATABASE_URL) {
      throw new ConfigError(
        'Invalid configuration:\n  DATABASE_URL: the webhook worker needs PostgreSQL; with the embedded database the API delivers webhooks itself',
      );
    }
  });
  const logger = createLogger(env.LOG_LEVEL);
  const delivery = await startDelivery(env, logger, env.DATABASE_POOL_SIZE);
  logger.info('Switchboard webhook worker running');

  const shutdown = (signal: string) => {
    logger.info({ signal }, 'webhook worker shutting down');
    const force = setTimeout(() => process.exit(1), 15_000);
    force.unref();
    delivery.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  process.once('SIGTERM', () => shutdown('SIGTERM'));
  process.once('SIGINT', () => shutdown('SIGINT'));
}

main().catch((error: unknown) => {
  process.stderr.write(
    `Switchboard webhook worker failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
  );
  process.exit(1);
});
