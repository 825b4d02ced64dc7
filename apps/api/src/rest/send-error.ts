import { randomUUID } from 'node:crypto';
import type { Request, Response } from 'express';
import { dialectOf } from '../dialects';
import { describeError } from '../errors/http-errors';

/**
 * Every REST error, in the envelope of the vendor family whose path was called (../dialects):
 * Sharely's `{ error, message, errorId }`, Symbl's `{ message, … }`, or the seeds'
 * `{ error, message, details? }` elsewhere. The errorId is logged with the failure, so a client
 * quoting it can be matched to the log line.
 */
export function sendError(res: Response, cause: unknown, req: Request): void {
  const described = describeError(cause);
  const errorId = randomUUID();
  if (described.internal) req.log?.error({ err: cause, errorId }, 'request failed');
  if (described.details?.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(described.details.retryAfterSeconds));
  }
  const dialect = dialectOf(req.path);
  const body = dialect ? dialect.errorBody(described, errorId) : defaultErrorBody(described);
  // A refusal whose body quotes an errorId gets a log line with it (failures are logged above).
  if (!described.internal && 'errorId' in body) {
    req.log?.info({ errorId, status: described.status, reason: described.message }, 'request refused');
  }
  res.status(described.status).json(body);
}

/** The seeds' error body: `{ error, message }`, plus `details` when there are some. */
export const defaultErrorBody = (described: ReturnType<typeof describeError>) => ({
  error: described.error,
  message: described.message,
  ...(described.details ? { details: described.details } : {}),
});
