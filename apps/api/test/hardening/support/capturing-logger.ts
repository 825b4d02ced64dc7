import { Writable } from 'node:stream';
import { pino } from 'pino';
import { redactedPaths } from '../../../src/logger';

/** The production logger's configuration (src/logger.ts) at trace level, writing into memory. */
export function capturingLogger() {
  const lines: string[] = [];
  const destination = new Writable({
    write(chunk, _encoding, done) {
      lines.push(String(chunk));
      done();
    },
  });
  const logger = pino(
    { level: 'trace', redact: { paths: redactedPaths, censor: '[redacted]' } },
    destination,
  );
  return { logger, text: () => lines.join(''), lineCount: () => lines.length };
}
