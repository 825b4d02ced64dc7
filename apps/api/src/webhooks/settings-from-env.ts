import type { Env } from '../env';
import { defaultWebhookSettings, type WebhookSettings } from './settings';

export type WebhookEnv = Pick<
  Env,
  | 'WEBHOOK_ALLOW_PRIVATE_TARGETS'
  | 'WEBHOOK_TIMEOUT_MS'
  | 'WEBHOOK_RETRY_BASE_MS'
  | 'WEBHOOK_DEAD_LETTER_AFTER_MS'
  | 'WEBHOOK_DISABLE_AFTER_MS'
  | 'EVENT_RETENTION_DAYS'
>;

export const webhookSettingsFromEnv = (env: WebhookEnv): WebhookSettings => ({
  ...defaultWebhookSettings,
  allowPrivateTargets: env.WEBHOOK_ALLOW_PRIVATE_TARGETS === 'true',
  timeoutMs: env.WEBHOOK_TIMEOUT_MS,
  retryBaseMs: env.WEBHOOK_RETRY_BASE_MS,
  deadLetterAfterMs: env.WEBHOOK_DEAD_LETTER_AFTER_MS,
  disableAfterMs: env.WEBHOOK_DISABLE_AFTER_MS,
  deliveryRetentionMs: env.EVENT_RETENTION_DAYS * 24 * 3_600_000,
});
