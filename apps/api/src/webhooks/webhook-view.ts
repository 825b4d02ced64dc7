import type { WebhookSubscriptionModel as WebhookSubscription } from '@switchboard/db';
import { z } from 'zod';
import { isoDateSchema, toIso, toIsoOrNull } from '../routers/shared/schemas';

/** A subscription as the API shows it: never its secrets. */
export const webhookSchema = z.object({
  id: z.string(),
  url: z.string(),
  events: z.array(z.string()),
  criteria: z.string().nullable(),
  groupId: z.string().nullable(),
  description: z.string().nullable(),
  enabled: z.boolean(),
  disabledAt: isoDateSchema.nullable(),
  disabledReason: z.string().nullable(),
  /** Until when the secret replaced by the last rotation still signs beside the new one. */
  previousSecretExpiresAt: isoDateSchema.nullable(),
  failingSince: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type WebhookView = z.infer<typeof webhookSchema>;

export const presentWebhook = (row: WebhookSubscription, now = new Date()): WebhookView => ({
  id: row.id,
  url: row.url,
  events: row.events,
  criteria: row.criteria,
  groupId: row.groupId,
  description: row.description,
  enabled: row.enabled,
  disabledAt: toIsoOrNull(row.disabledAt),
  disabledReason: row.disabledReason,
  previousSecretExpiresAt:
    row.previousSecretExpiresAt && row.previousSecretExpiresAt > now
      ? toIso(row.previousSecretExpiresAt)
      : null,
  failingSince: toIsoOrNull(row.failingSince),
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});
