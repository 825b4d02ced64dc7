import type { QueueModel } from '@switchboard/db';
import { z } from 'zod';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** A queue as Infobip shows it. */
export const queueSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type QueueView = z.infer<typeof queueSchema>;

export const presentQueue = (row: QueueModel): QueueView => ({
  id: row.id,
  name: row.name,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

export const queueNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(255, 'must be at most 255 characters');

export const queueIdInput = z.object({ queueId: idSchema });

/** A queue's members after a membership change. */
export const queueMembersSchema = z.object({ queueId: z.string(), agentIds: z.array(z.string()) });

export const queueTags = ['Queues (Infobip)'];
