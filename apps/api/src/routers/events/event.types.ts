import { z } from 'zod';
import { idSchema, isoDateSchema } from '../shared/schemas';

export const eventsTag = ['Events'];

/** The JSON of one event: what GET /v1/events lists, streams send, and webhooks deliver. */
export const eventSchema = z.object({
  id: z.string().describe('Unique id of the event (the `webhook-id` of its deliveries)'),
  type: z.string(),
  sequence: z.number().int().min(1).describe('1, 2, 3, … per organization, in commit order'),
  timestamp: isoDateSchema,
  organizationId: z.string(),
  actor: z.object({ type: z.string(), id: z.string() }),
  data: z.record(z.string(), z.unknown()),
});

/** Which events: by type, by criteria on the conversation after the change, by group. */
export const eventSelectionInput = z.object({
  types: z
    .array(z.string().max(64))
    .max(64)
    .optional()
    .describe('Event types, comma-separated in a query string'),
  criteria: z.string().max(4096).optional().describe('Criteria on the conversation after the change'),
  groupId: idSchema.optional().describe("Events of the group's conversations, and its enter / leave events"),
});

export const sequenceSchema = z.number().int().min(0);
