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
 * JSON lines on stdout, written in blocks of at least 4 KB instead of one write(2) per line: a
 * busy API logs one line per request, and a system call each cost more CPU than the rest of the
 * line. A timer writes whatever waits every LOG_FLUSH_INTERVAL_MS, and pino writes what is left
 * synchronously when the process exits (a crash included; only SIGKILL loses the last second).
 */
export function createLogger(level: string): Logger {
  const destination = pino.destination({ dest: 1, sync: false, minLength: 4096 });
  // sonic-boom sets `destroyed` (its typings omit it); flushing a destroyed stream throws.
  const timer = setInterval(() => {
    if (!(destination as { destroyed?: boolean }).destroyed) destination.flush();
  }, LOG_FLUSH_INTERVAL_MS);
  timer.unref();
  destination.once('close', () => clearInterval(timer));
  return pino({ level, redact: { paths: redactedPaths, censor: '[redacted]' } }, destination);
}
