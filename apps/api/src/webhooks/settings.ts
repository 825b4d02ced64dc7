import { lookup as systemLookup } from 'node:dns/promises';

/** Resolves a host name to every address it has, as `dns.promises.lookup(host, { all: true })`. */
export type ResolveHost = (hostname: string) => Promise<{ address: string; family: number }[]>;

/** How webhooks behave; read once from the environment (env.ts) and handed to every part. */
export interface WebhookSettings {
  /** `WEBHOOK_ALLOW_PRIVATE_TARGETS`: loopback, private, link-local… targets are allowed. */
  allowPrivateTargets: boolean;
  /** Host name resolution for the target check and the connection (tests inject their own). */
  resolveHost: ResolveHost;
  /** One attempt (connect, send, read the answer) may take this long. */
  timeoutMs: number;
  /** The first retry's delay; each further retry waits 4× longer, up to `maxRetryDelayMs`. */
  retryBaseMs: number;
  maxRetryDelayMs: number;
  /** A delivery still failing this long after its first attempt is dead-lettered. */
  deadLetterAfterMs: number;
  /** A subscription whose deliveries have failed without a success for this long is disabled. */
  disableAfterMs: number;
  /** After a rotation the previous secret keeps signing for this long. */
  secretOverlapMs: number;
  /** Fallback poll for work when no notification arrives (other processes, retries coming due). */
  pollIntervalMs: number;
  /**
   * Attempts in flight at once per subscription in one process: a slow receiver holds only these.
   * 8: a busy subscription's sender then always has answers to read while its database work runs
   * (with 4 the receiver sat idle in between; see dispatch-policy.ts for the figures).
   */
  perSubscriptionConcurrency: number;
  /** Deliveries are kept as long as the events they send (EVENT_RETENTION_DAYS). */
  deliveryRetentionMs: number;
}

export const defaultWebhookSettings: WebhookSettings = {
  allowPrivateTargets: false,
  resolveHost: (hostname) => systemLookup(hostname, { all: true, verbatim: true }),
  timeoutMs: 10_000,
  retryBaseMs: 5_000,
  maxRetryDelayMs: 6 * 3_600_000,
  deadLetterAfterMs: 24 * 3_600_000,
  disableAfterMs: 5 * 24 * 3_600_000,
  secretOverlapMs: 24 * 3_600_000,
  pollIntervalMs: 1_000,
  perSubscriptionConcurrency: 8,
  deliveryRetentionMs: 7 * 24 * 3_600_000,
};
