import type { PublicError } from '../../errors/http-errors';

/**
 * Symbl answers errors as `{ "message": "…" }` (its conversation pages; the Go SDK shows the
 * body verbatim for a 400). Switchboard adds the short reason (`error`) and machine-readable
 * `details` (the field at fault), which Symbl clients ignore.
 */
export const symblErrorBody = (error: PublicError): object => ({
  message: error.message,
  error: error.error,
  ...(error.details ? { details: error.details } : {}),
});
