import type { AttemptOutcome } from './post-webhook';

/**
 * What an attempt means for its delivery: a 2xx delivered it; network errors, timeouts, 408, 429
 * and 5xx are worth retrying; any other answer (other 4xx, a redirect, which is never followed,
 * 1xx oddities) will not change by asking again, so the delivery fails at once.
 */
export type AttemptVerdict = 'delivered' | 'retry' | 'failed';

export function classifyOutcome(outcome: AttemptOutcome): AttemptVerdict {
  if (outcome.kind === 'error') return 'retry';
  const { status } = outcome;
  if (status >= 200 && status < 300) return 'delivered';
  if (status === 408 || status === 429 || status >= 500) return 'retry';
  return 'failed';
}
