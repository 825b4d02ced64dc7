import { z } from 'zod';
import { webhookSchema } from '../../webhooks/webhook-view';
import { idSchema, isoDateSchema } from '../shared/schemas';

export { webhookSchema };

export const webhooksTag = ['Webhooks'];

export const webhookIdInput = z.object({ webhookId: idSchema });

/** Types only; what the values must be is checked in webhooks/subscription-fields.ts. */
export const webhookFields = {
  url: z.string().describe('http(s) URL of the receiver; it must resolve to a public address'),
  events: z.array(z.string()).describe('Event types to deliver, e.g. ["conversation.created"]'),
  criteria: z
    .string()
    .nullable()
    .optional()
    .describe('Only events whose conversation matches these criteria'),
  groupId: idSchema.nullable().optional().describe("Only events of this group's member conversations"),
  description: z.string().nullable().optional(),
};

/** The answer to create and rotate: the only time the signing secret is shown. */
export const webhookWithSecretSchema = webhookSchema.extend({
  secret: z.string().describe('whsec_… — verify deliveries with it; it is not shown again'),
});

export const deliverySchema = z.object({
  id: z.string(),
  webhookId: z.string(),
  eventId: z.string().describe('Sent as webhook-id on every attempt and replay'),
  eventSequence: z.string(),
  eventType: z.string(),
  status: z.enum(['PENDING', 'DELIVERED', 'FAILED', 'DEAD_LETTERED']),
  attempts: z.number().int().nonnegative(),
  nextAttemptAt: isoDateSchema.nullable(),
  firstAttemptAt: isoDateSchema.nullable(),
  lastAttemptAt: isoDateSchema.nullable(),
  lastStatusCode: z.number().int().min(100).max(599).nullable(),
  lastResponseBody: z.string().nullable().describe("The receiver's last answer, at most 1 024 characters"),
  lastError: z.string().nullable(),
  deliveredAt: isoDateSchema.nullable(),
  createdAt: isoDateSchema,
});
