/**
 * The one error type of the domain. Every refusal a rule makes is a DomainError with a code;
 * the API translates codes to HTTP / tRPC statuses in exactly one place (apps/api/src/errors).
 */
export const domainErrorCodes = [
  'VALIDATION', // input breaks a field rule (length, format, range) → 400
  'INVALID_CRITERIA', // criteria text cannot be parsed or checked → 400
  'NOT_FOUND', // no such object for this organization → 404
  'CONFLICT', // a state rule refuses the change (CLOSED is terminal, duplicate name, version) → 409
  'UNPROCESSABLE', // well-formed but cannot be applied (idempotency key reused with another body) → 422
  'UNAUTHORIZED', // no valid credential → 401
  'FORBIDDEN', // credential valid, right missing → 403
  'RATE_LIMITED', // → 429
  'PAYLOAD_TOO_LARGE', // → 413
] as const;

export type DomainErrorCode = (typeof domainErrorCodes)[number];

export class DomainError extends Error {
  override readonly name = 'DomainError';

  constructor(
    readonly code: DomainErrorCode,
    message: string,
    /** Machine-readable detail (field name, criteria position, …), safe to show to the caller. */
    readonly details?: Record<string, unknown>,
  ) {
    super(message);
  }
}

export const isDomainError = (error: unknown): error is DomainError => error instanceof DomainError;
