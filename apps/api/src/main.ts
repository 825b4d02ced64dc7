import { loadEnvOrExit } from './env';
import { createLogger } from './logger';
import { startServer } from './server';
import { isDeliveryThread, runDeliveryThread } from './webhooks/delivery-thread';

// The process entry point (`npm start`): configuration errors name the variable and exit 1;
// SIGTERM/SIGINT finish in-flight requests and close the database so PGlite's files stay whole.
async function main(): Promise<void> {
  const env = loadEnvOrExit();
  const logger = createLogger(env.LOG_LEVEL);
  // This file is also the delivery thread's entry (see below); process.argv[1] names it as it
  // runs (dist/main.js, or src/main.ts under tsx), which import.meta.url in the bundle does not.
  const running = await startServer(env, logger, { entryPoint: process.argv[1] });

  let stopping = false;
  const shutdown = (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info({ signal }, 'shutting down');
    const force = setTimeout(() => {
      logger.error('shutdown took longer than 10 s; exiting');
      process.exit(1);
    }, 10_000);
    force.unref();
    running.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  process.on('SIGTERM', () => shutdown('SIGTERM'));
  process.on('SIGINT', () => shutdown('SIGINT'));
}

if (isDeliveryThread()) {
  runDeliveryThread();
} else {
  main().catch((error: unknown) => {
    process.stderr.write(
      `Switchboard API failed to start: ${error instanceof Error ? error.message : String(error)}\n`,
    );
    process.exit(1);
  });
}
