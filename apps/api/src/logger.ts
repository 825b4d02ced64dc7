import { pino } from 'pino';

export type Logger = pino.Logger;

// Credentials never reach the log: request logging drops these headers wherever they appear.
export const redactedPaths = [
  'req.headers.authorization',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'headers["x-api-key"]',
  '*.apiKey',
  '*.token',
  '*.secret',
];

/** The longest a log line waits in the buffer when traffic is too light to fill it. */
export const LOG_FLUSH_INTERVAL_MS = 1_000;

/**
 * JSON lines on stdout (or `dest`, a file descriptor or path), written in blocks of at least 4 KB
 * instead of one write(2) per line: a busy API logs one line per request, and a system call each
 * cost more CPU than the rest of the line. A block is written synchronously, by the request that
 * fills it: handing it to libuv's thread pool instead (`sync: false`) cost about 15% of the CPU of
 * a GET of one conversation (scenario 2), for the wake-ups between threads. The price is that a
 * stdout nobody reads fast enough slows requests down rather than letting lines pile up in memory.
 * A timer writes whatever waits every LOG_FLUSH_INTERVAL_MS, and what is left is written when the
 * process exits (a crash included; only SIGKILL loses the last second).
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  const destination = pino.destination({ dest, sync: true, minLength: 4096 });
  // sonic-boom sets `destroyed` (its typings omit it); flushing a destroyed stream throws.
  const open = () => !(destination as { destroyed?: boolean }).destroyed;
  const timer = setInterval(() => {
    if (open()) destination.flush();
  }, LOG_FLUSH_INTERVAL_MS);
  timer.unref();
  // pino flushes a destination on exit only when it writes asynchronously; this one buffers too.
  const flushOnExit = () => {
    if (open()) destination.flushSync();
  };
  process.on('exit', flushOnExit);
  destination.once('close', () => {
    clearInterval(timer);
    process.removeListener('exit', flushOnExit);
  });
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
