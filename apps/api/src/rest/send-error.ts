import type { Request, Response } from 'express';
import { describeError } from '../errors/http-errors';

/** The REST error body of the seeds: `{ error, message }`, plus `details` when there are some. */
export function sendError(res: Response, cause: unknown, req: Request): void {
  const described = describeError(cause);
  if (described.internal) req.log?.error({ err: cause }, 'request failed');
  if (described.details?.retryAfterSeconds !== undefined) {
    res.setHeader('Retry-After', String(described.details.retryAfterSeconds));
  }
  res.status(described.status).json({
    error: described.error,
    message: described.message,
    ...(described.details ? { details: described.details } : {}),
  });
}
