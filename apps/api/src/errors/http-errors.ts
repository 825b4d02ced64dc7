import { DomainError, type DomainErrorCode, isDomainError } from '@switchboard/core';
import { TRPCError } from '@trpc/server';
import type { TRPC_ERROR_CODE_KEY } from '@trpc/server/rpc';
import { ZodError } from 'zod';
import { isWriteConflict } from './write-conflict';

/**
 * The one table from domain error codes to the wire. tRPC and REST both answer through it, so a
 * code means the same status everywhere.
 */
const wire: Record<DomainErrorCode, { status: number; trpc: TRPC_ERROR_CODE_KEY; error: string }> = {
  VALIDATION: { status: 400, trpc: 'BAD_REQUEST', error: 'Bad Request' },
  INVALID_CRITERIA: { status: 400, trpc: 'BAD_REQUEST', error: 'Invalid Criteria' },
  UNAUTHORIZED: { status: 401, trpc: 'UNAUTHORIZED', error: 'Unauthorized' },
  FORBIDDEN: { status: 403, trpc: 'FORBIDDEN', error: 'Forbidden' },
  NOT_FOUND: { status: 404, trpc: 'NOT_FOUND', error: 'Not Found' },
  CONFLICT: { status: 409, trpc: 'CONFLICT', error: 'Conflict' },
  PAYLOAD_TOO_LARGE: { status: 413, trpc: 'PAYLOAD_TOO_LARGE', error: 'Payload Too Large' },
  UNPROCESSABLE: { status: 422, trpc: 'UNPROCESSABLE_CONTENT', error: 'Unprocessable Entity' },
  RATE_LIMITED: { status: 429, trpc: 'TOO_MANY_REQUESTS', error: 'Too Many Requests' },
};

const domainCodeByTrpcCode: Partial<Record<TRPC_ERROR_CODE_KEY, DomainErrorCode>> = {
  BAD_REQUEST: 'VALIDATION',
  PARSE_ERROR: 'VALIDATION',
  UNAUTHORIZED: 'UNAUTHORIZED',
  FORBIDDEN: 'FORBIDDEN',
  NOT_FOUND: 'NOT_FOUND',
  CONFLICT: 'CONFLICT',
  PAYLOAD_TOO_LARGE: 'PAYLOAD_TOO_LARGE',
  UNPROCESSABLE_CONTENT: 'UNPROCESSABLE',
  TOO_MANY_REQUESTS: 'RATE_LIMITED',
  // A query sent as POST (or a mutation as GET), or a body tRPC cannot read: the caller's mistake.
  METHOD_NOT_SUPPORTED: 'VALIDATION',
  UNSUPPORTED_MEDIA_TYPE: 'VALIDATION',
};

/** What a caller sees of any failure; `internal` ones are logged and described generically. */
export interface PublicError {
  status: number;
  trpc: TRPC_ERROR_CODE_KEY;
  error: string;
  message: string;
  code: DomainErrorCode | 'INTERNAL';
  details?: Record<string, unknown>;
  internal: boolean;
}

export function describeError(cause: unknown): PublicError {
  const domain = toDomainError(cause);
  if (!domain && isTransactionTimeout(cause)) {
    // Overload, not a fault in the request: the client may retry shortly.
    return {
      status: 503,
      trpc: 'SERVICE_UNAVAILABLE',
      error: 'Service Unavailable',
      message: 'The service is too busy to take this request now; retry in a moment.',
      code: 'INTERNAL',
      details: { retryAfterSeconds: 1 },
      internal: false,
    };
  }
  if (!domain) {
    return {
      status: 500,
      trpc: 'INTERNAL_SERVER_ERROR',
      error: 'Internal Server Error',
      message: 'Something went wrong on our side. It has been logged; please retry later.',
      code: 'INTERNAL',
      internal: true,
    };
  }
  const target = wire[domain.code];
  return { ...target, message: domain.message, code: domain.code, details: domain.details, internal: false };
}

export function toTrpcError(cause: unknown): TRPCError {
  const described = describeError(cause);
  return new TRPCError({ code: described.trpc, message: described.message, cause: asError(cause) });
}

/** Recognises every error a caller can cause; anything else is ours and returns undefined. */
function toDomainError(cause: unknown): DomainError | undefined {
  if (isDomainError(cause)) return cause;
  if (cause instanceof ZodError) return fromZodError(cause);
  if (cause instanceof TRPCError) {
    if (cause.cause && cause.cause !== cause) {
      const inner = toDomainError(cause.cause);
      if (inner) return inner;
    }
    const code = domainCodeByTrpcCode[cause.code];
    if (code) return new DomainError(code, cause.message);
    return undefined;
  }
  return fromBodyParserError(cause) ?? fromPrismaError(cause);
}

// express.json() reports unreadable bodies with a `type`; they are the caller's to fix.
function fromBodyParserError(cause: unknown): DomainError | undefined {
  const type = (cause as { type?: unknown } | null)?.type;
  if (type === 'entity.parse.failed') {
    return new DomainError('VALIDATION', 'The request body is not valid JSON; send a JSON document.', {
      field: '(body)',
    });
  }
  if (type === 'entity.too.large') {
    return new DomainError(
      'PAYLOAD_TOO_LARGE',
      'The request body is too large; send less than the configured limit.',
    );
  }
  if (type === 'encoding.unsupported' || type === 'charset.unsupported') {
    return new DomainError('VALIDATION', 'Unsupported body encoding; send UTF-8 JSON.', { field: '(body)' });
  }
  // Express reports a path that is not valid percent-encoding (a lone "%") as a URIError.
  if (cause instanceof URIError) {
    return new DomainError('VALIDATION', 'The URL path is not valid percent-encoding; encode each segment.', {
      field: '(path)',
    });
  }
  // Any other body express.json could not read (gzip that is not gzip, a short body…) says so
  // with a 4xx status of its own; it is the caller's to fix.
  const { status, expose } = (cause ?? {}) as { status?: unknown; expose?: unknown };
  if (typeof status === 'number' && status >= 400 && status < 500 && expose === true) {
    return new DomainError('VALIDATION', 'The request body could not be read; send plain UTF-8 JSON.', {
      field: '(body)',
    });
  }
  return undefined;
}

// A list of a thousand wrong items has a thousand issues; the first few say what to fix, and
// an answer (and log line) naming all of them grew with the input.
const MAX_REPORTED_ISSUES = 20;

function fromZodError(error: ZodError): DomainError {
  const problems = error.issues.slice(0, MAX_REPORTED_ISSUES).map((issue) => {
    const field = issue.path.length > 0 ? issue.path.join('.') : '(body)';
    return { field, message: issue.message };
  });
  const more = error.issues.length - problems.length;
  const text =
    problems.map((problem) => `${problem.field}: ${problem.message}`).join('; ') +
    (more > 0 ? `; and ${more} more` : '');
  return new DomainError('VALIDATION', `Invalid input — ${text}`, {
    field: problems[0]?.field,
    fields: problems,
  });
}

// Unique and foreign-key violations that slip past the services' own checks (races between
// requests) are the caller's conflict, not our failure.
function fromPrismaError(cause: unknown): DomainError | undefined {
  const code = (cause as { code?: unknown } | null)?.code;
  if (code === 'P2002')
    return new DomainError('CONFLICT', 'An object with the same unique value already exists.');
  if (code === 'P2025') return new DomainError('NOT_FOUND', 'The object was not found.');
  if (code === 'P2003') return new DomainError('VALIDATION', 'A referenced object does not exist.');
  // PostgreSQL chose this transaction as a deadlock victim (or a write conflict): nothing was
  // written, and the same request may succeed when retried.
  if (isWriteConflict(cause))
    return new DomainError(
      'CONFLICT',
      'The request collided with a concurrent change and was undone; retry it.',
    );
  return undefined;
}

// Prisma's P2028: a transaction could not start or ran out of time while waiting for locks.
function isTransactionTimeout(cause: unknown): boolean {
  const inner = cause instanceof TRPCError && cause.cause ? cause.cause : cause;
  return (inner as { code?: unknown } | null)?.code === 'P2028';
}

function asError(cause: unknown): Error | undefined {
  return cause instanceof Error ? cause : undefined;
}
