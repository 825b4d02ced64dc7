import { writeSync } from 'node:fs';
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

/** How long the last lines may wait for a full (but still read) stdout while the process exits. */
const EXIT_WRITE_PATIENCE_MS = 2_000;

/**
 * JSON lines on stdout (or `dest`, a file descriptor or path), written in blocks of at least 4 KB
 * instead of one write(2) per line: a busy API logs one line per request, and a system call each
 * cost more CPU than the rest of the line. A block is written synchronously, by the request that
 * fills it: handing it to libuv's thread pool instead (`sync: false`) cost about 15% of the CPU of
 * a GET of one conversation (scenario 2), for the wake-ups between threads. The price is that a
 * stdout nobody reads fast enough slows requests down rather than letting lines pile up in memory.
 * A timer writes whatever waits every LOG_FLUSH_INTERVAL_MS, and what is left is written when the
 * process exits (a crash included; only SIGKILL loses the last second).
 *
 * When the output cannot be written at all (EPIPE: whatever read it went away), logging stops:
 * lines are dropped from then on, one line on stderr says so, and the API goes on serving.
 */
export function createLogger(level: string, dest: number | string = 1): Logger {
  let exitingSince: number | undefined;
  const destination = pino.destination({
    dest,
    sync: true,
    minLength: 4096,
    // A full pipe is retried (slowing requests, as above), but not forever once the process exits.
    retryEAGAIN: () => exitingSince === undefined || Date.now() - exitingSince < EXIT_WRITE_PATIENCE_MS,
  });
  let dropped = false;
  const stop = () => {
    clearInterval(timer);
    process.removeListener('exit', flushOnExit);
  };
  destination.on('error', (error: NodeJS.ErrnoException) => {
    if (dropped) return;
    dropped = true;
    stop();
    sayOnStderr(
      `Switchboard: log output failed (${error.code ?? error.message}); dropping log lines from now on.\n`,
    );
  });
  // Never flushSync: on any error but EAGAIN it retries forever, every 100 ms, on the main thread
  // (sonic-boom 4). In sync mode flush() writes the waiting block at once and reports errors above.
  const flush = () => {
    if (!dropped && !(destination as { destroyed?: boolean }).destroyed) destination.flush();
  };
  const timer = setInterval(flush, LOG_FLUSH_INTERVAL_MS);
  timer.unref();
  // pino flushes a destination on exit only when it writes asynchronously; this one buffers too.
  const flushOnExit = () => {
    exitingSince = Date.now();
    flush();
  };
  process.on('exit', flushOnExit);
  destination.once('close', stop);
  const sink = {
    write: (line: string) => {
      if (!dropped) destination.write(line);
    },
  };
  const logger = pino(pinoOptions(level), sink);
  sinks.set(logger, sink.write);
  return logger;
}

const pinoOptions = (level: string) => ({ level, redact: { paths: redactedPaths, censor: '[redacted]' } });

// Each process has one writer of its log output (createLogger): one buffer, one flush on exit and
// one notice when the output fails. Other threads' loggers hand their lines to it.
const sinks = new WeakMap<Logger, (line: string) => void>();

/** A logger whose lines go to `forward` (a worker thread hands them to the process's logger). */
export function forwardingLogger(level: string, forward: (line: string) => void): Logger {
  return pino(pinoOptions(level), { write: forward });
}

/** Writes a line made by a forwardingLogger through the output of a logger from createLogger. */
export function writeLogLine(logger: Logger, line: string): void {
  sinks.get(logger)?.(line);
}

/** One line on stderr if it is still open; a closed stderr is not worth failing for. */
function sayOnStderr(line: string): void {
  try {
    writeSync(2, line);
  } catch {
    // stderr is gone too: nobody is left to tell.
  }
}
