import { once } from 'node:events';
import { pathToFileURL } from 'node:url';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { loadEnvOrExit } from '../env';
import { forwardingLogger, type Logger, writeLogLine } from '../logger';
import { startDelivery } from './start-delivery';
import type { WebhookDispatcher } from './webhook-dispatcher';

// With WEBHOOK_DELIVERY=api on PostgreSQL, the API process delivers from a thread of its own.
// Each delivery costs the thread that sends it about 0.13 ms of CPU (signing, the request, the
// answer, the garbage): on the request thread, ten subscriptions took that from every create
// (bench scenario 6). The thread has its own connections and hears new events through
// LISTEN/NOTIFY, exactly as `npm run worker` does. The embedded database belongs to the thread
// that opened it, so with PGlite the dispatcher runs on the request thread (server.ts).

const role = 'webhook-delivery';
// The dispatcher runs a handful of statements at a time (a fan-out or a claim, and result writes).
const threadPoolSize = 3;
const restartDelayMs = 1_000;

/** True in a thread started by startDeliveryThread: its entry is the API's own entry point. */
export function isDeliveryThread(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === role;
}

/**
 * Starts the delivery thread from `entry` (the running entry point: dist/main.js, or src/main.ts
 * under tsx, see threadEntry). Its log lines are written through `logger`. A thread that dies is
 * logged and started again; stop() asks it to finish its attempts and waits until it has.
 */
export function startDeliveryThread(entry: string, logger: Logger): WebhookDispatcher {
  let stopping = false;
  let restart: NodeJS.Timeout | undefined;
  const start = (): Worker => {
    const thread = new Worker(threadEntry(entry), { workerData: { role } });
    thread.on('message', (message: { log?: unknown }) => {
      if (typeof message?.log === 'string') writeLogLine(logger, message.log);
    });
    thread.on('error', (error) => logger.error({ err: error }, 'webhook delivery thread failed'));
    thread.on('exit', (code) => {
      if (stopping) return;
      logger.error({ code }, `webhook delivery thread exited; starting it again in ${restartDelayMs} ms`);
      restart = setTimeout(() => {
        current = start();
      }, restartDelayMs);
    });
    return thread;
  };
  let current = start();
  return {
    async stop() {
      stopping = true;
      clearTimeout(restart);
      if (current.threadId === -1) return; // already exited
      const exited = once(current, 'exit');
      current.postMessage('stop');
      await exited;
    },
  };
}

/**
 * The bundle runs as it is. TypeScript source (`tsx src/main.ts`: development and the tests) needs
 * tsx's loader, which Node 20 does not hand down to worker threads (Node 22 does): the thread
 * starts from a small module that registers tsx and then imports the entry.
 */
function threadEntry(entry: string): string | URL {
  if (!entry.endsWith('.ts')) return entry;
  const tsx = JSON.stringify(import.meta.resolve('tsx/esm/api'));
  const source = `const { register } = await import(${tsx}); register(); await import(${JSON.stringify(pathToFileURL(entry).href)});`;
  return new URL(`data:text/javascript,${encodeURIComponent(source)}`);
}

/**
 * The thread's side: delivers until the API says stop, then exits once its attempts have ended.
 * In a worker thread process.exit ends the thread only; the API logs the exit and starts another.
 */
export function runDeliveryThread(): void {
  const env = loadEnvOrExit();
  // Its lines are written by the API's own logger: one writer of stdout per process.
  const logger = forwardingLogger(env.LOG_LEVEL, (line) => parentPort?.postMessage({ log: line })).child({
    thread: role,
  });
  startDelivery(env, logger, threadPoolSize).then(
    (delivery) => {
      logger.info('webhook delivery thread running');
      stopOnRequest(delivery, logger);
    },
    (error: unknown) => {
      logger.error({ err: error }, 'webhook delivery thread failed to start');
      process.exit(1);
    },
  );
}

function stopOnRequest(delivery: WebhookDispatcher, logger: Logger): void {
  parentPort?.once('message', () => {
    delivery.stop().then(
      () => process.exit(0),
      (error: unknown) => {
        logger.error({ err: error }, 'webhook delivery thread did not stop cleanly');
        process.exit(1);
      },
    );
  });
}
