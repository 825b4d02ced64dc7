import { randomBytes } from 'node:crypto';

/** A Standard Webhooks secret: `whsec_` and 32 random bytes in base64, as receivers' libraries expect. */
export const generateWebhookSecret = (): string => `whsec_${randomBytes(32).toString('base64')}`;

/** The secrets that sign a delivery now: the current one, and the previous one during its overlap. */
export function liveSecrets(
  subscription: { secret: string; previousSecret: string | null; previousSecretExpiresAt: Date | null },
  now: Date,
): string[] {
  const { secret, previousSecret, previousSecretExpiresAt } = subscription;
  const previousLive =
    previousSecret !== null && previousSecretExpiresAt !== null && previousSecretExpiresAt > now;
  return previousLive ? [secret, previousSecret] : [secret];
}
