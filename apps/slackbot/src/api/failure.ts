import { TRPCClientError } from '@trpc/client';

/** What went wrong with an API call, in words a Slack user can act on. */
export interface ApiFailure {
  kind: 'refused' | 'unreachable' | 'timeout' | 'unexpected';
  message: string;
  /** HTTP status of a refusal (400, 404, 409…). */
  status?: number;
  /** Where a criteria error is, when the API said so. */
  position?: { line: number; column: number; offset: number };
}

interface ErrorData {
  httpStatus?: unknown;
  domainCode?: unknown;
  details?: { offset?: unknown; line?: unknown; column?: unknown } | null;
}

/** Recognises the API's refusals, timeouts and outages; anything else is `unexpected`. */
export function describeApiFailure(error: unknown, timeoutMs: number): ApiFailure {
  if (!(error instanceof TRPCClientError)) {
    return { kind: 'unexpected', message: 'Something went wrong in the bot; it has been logged.' };
  }
  const data = (error.data ?? undefined) as ErrorData | undefined;
  if (data && typeof data.httpStatus === 'number') {
    return {
      kind: 'refused',
      message: error.message,
      status: data.httpStatus,
      ...positionOf(data),
    };
  }
  if (isTimeout(error.cause)) {
    return {
      kind: 'timeout',
      message: `Switchboard did not answer within ${(timeoutMs / 1000).toFixed(1)} s. Nothing may have changed; check and try again in a moment.`,
    };
  }
  if (isNetworkFailure(error.cause)) {
    return {
      kind: 'unreachable',
      message:
        'Switchboard is unreachable right now (the API did not accept the connection). Try again in a moment.',
    };
  }
  return {
    kind: 'unexpected',
    message: 'Switchboard answered with something the bot could not read. Try again in a moment.',
  };
}

function positionOf(data: ErrorData): Pick<ApiFailure, 'position'> {
  if (data.domainCode !== 'INVALID_CRITERIA' || !data.details) return {};
  const { offset, line, column } = data.details;
  if (typeof offset !== 'number' || typeof line !== 'number' || typeof column !== 'number') return {};
  return { position: { offset, line, column } };
}

function isTimeout(cause: unknown): boolean {
  const name = (cause as { name?: unknown } | undefined)?.name;
  return name === 'TimeoutError' || name === 'AbortError';
}

function isNetworkFailure(cause: unknown): boolean {
  // undici reports connection problems as `TypeError: fetch failed` with the socket error as cause.
  return cause instanceof TypeError && /fetch failed/i.test(cause.message);
}
