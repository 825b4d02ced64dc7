import { TRPCClientError } from '@trpc/client';
import { type ApiFailure, describeApiFailure } from '../api/failure';

/** The API refused, timed out or was unreachable; `criteria` is what the user wrote, if any. */
export class ApiCallError extends Error {
  override readonly name = 'ApiCallError';

  constructor(
    readonly failure: ApiFailure,
    readonly criteria?: string,
  ) {
    super(failure.message);
  }
}

/** The bot itself refuses (ambiguous short id, no agent for a Slack user…). */
export class CommandRefusal extends Error {
  override readonly name = 'CommandRefusal';
}

/**
 * Runs one API call, turning the client's failures into an ApiCallError. `criteria` is the user's text sent
 * in this call, so a criteria error can point into it.
 */
export async function call<T>(timeoutMs: number, run: () => Promise<T>, criteria?: string): Promise<T> {
  try {
    return await run();
  } catch (error) {
    // Only the client's errors are about the API; anything else is a bug here and stays as it is.
    if (!(error instanceof TRPCClientError)) throw error;
    throw new ApiCallError(describeApiFailure(error, timeoutMs), criteria);
  }
}
