import type { PublicError } from '../../errors/http-errors';

/**
 * Sharely's endpoint pages answer `{ "error": "<reason>", "message": "…" }` and its errors page
 * `{ "error", "errorId" }`; clients read `error` or `message`, so both are kept and `errorId`
 * (a UUID logged with the refusal) is added, with `details` (the field at fault) when known.
 */
export const sharelyErrorBody = (error: PublicError, errorId: string): object => ({
  error: error.error,
  message: error.message,
  errorId,
  ...(error.details ? { details: error.details } : {}),
});
