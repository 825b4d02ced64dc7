import type { WebhookSettings } from './settings';

type Schedule = Pick<WebhookSettings, 'retryBaseMs' | 'maxRetryDelayMs' | 'deadLetterAfterMs'>;

/**
 * When to try again after failed attempt number `attempts` (1 = the first attempt failed):
 * base × 4^(attempts−1), capped, then jittered by ±20 % so receivers coming back are not hit by
 * every sender at the same instant. A receiver's Retry-After is honoured: never sooner than it
 * asks (still capped, so a receiver cannot park a delivery for a week). Returns null when the
 * next attempt would fall after the dead-letter deadline, counted from the first attempt.
 */
export function nextAttemptAt(options: {
  attempts: number;
  firstAttemptAt: Date;
  now: Date;
  retryAfterMs: number | null;
  schedule: Schedule;
  random?: () => number;
}): Date | null {
  const { attempts, firstAttemptAt, now, retryAfterMs, schedule, random = Math.random } = options;
  const backoff = Math.min(schedule.retryBaseMs * 4 ** Math.max(0, attempts - 1), schedule.maxRetryDelayMs);
  const jittered = backoff * (0.8 + 0.4 * random());
  const delay = Math.min(Math.max(jittered, retryAfterMs ?? 0), schedule.maxRetryDelayMs);
  const at = new Date(now.getTime() + delay);
  return at.getTime() > firstAttemptAt.getTime() + schedule.deadLetterAfterMs ? null : at;
}

/** Retry-After in milliseconds: delay-seconds or an HTTP date; anything else is ignored. */
export function parseRetryAfter(value: string | undefined, now: Date): number | null {
  if (value === undefined) return null;
  const text = value.trim();
  if (/^\d{1,10}$/.test(text)) return Number(text) * 1000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? null : Math.max(0, date - now.getTime());
}
