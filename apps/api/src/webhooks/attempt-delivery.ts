import { isDomainError } from '@switchboard/core';
import type { ClaimedDelivery } from './claim-deliveries';
import { type AttemptVerdict, classifyOutcome } from './classify-outcome';
import { type AttemptOutcome, postWebhook } from './post-webhook';
import { resolveTarget, TargetRefusedError } from './resolve-target';
import { parseRetryAfter } from './retry-schedule';
import { liveSecrets } from './secrets';
import type { WebhookSettings } from './settings';
import { signedHeaders } from './sign-delivery';
import { parseWebhookUrl } from './target-url';

export interface AttemptResult {
  verdict: AttemptVerdict;
  statusCode: number | null;
  responseBody: string | null;
  error: string | null;
  retryAfterMs: number | null;
}

/**
 * One attempt of a claimed delivery: the target is checked again (a name may resolve elsewhere
 * now than when the subscription was saved) and the request goes to the address checked, signed
 * with every live secret. Never throws: whatever happens becomes the attempt's result.
 */
export async function attemptDelivery(
  delivery: ClaimedDelivery,
  settings: WebhookSettings,
): Promise<AttemptResult> {
  const now = new Date();
  let outcome: AttemptOutcome;
  try {
    const url = parseWebhookUrl(delivery.url);
    const target = await resolveTarget(url, settings);
    const headers = signedHeaders(delivery.eventId, delivery.body, liveSecrets(delivery, now), now);
    outcome = await postWebhook({ url, target, headers, body: delivery.body, timeoutMs: settings.timeoutMs });
  } catch (error) {
    // A refused target stays refused; a lookup that failed may work next time.
    const retryable = error instanceof TargetRefusedError ? error.retryable : !isDomainError(error);
    return withoutAnswer(
      retryable ? 'retry' : 'failed',
      error instanceof Error ? error.message : String(error),
    );
  }
  if (outcome.kind === 'error') return withoutAnswer('retry', outcome.error);
  return {
    verdict: classifyOutcome(outcome),
    statusCode: outcome.status,
    responseBody: outcome.body,
    error: null,
    retryAfterMs: parseRetryAfter(outcome.retryAfter, now),
  };
}

const withoutAnswer = (verdict: AttemptVerdict, error: string): AttemptResult => ({
  verdict,
  statusCode: null,
  responseBody: null,
  error,
  retryAfterMs: null,
});
