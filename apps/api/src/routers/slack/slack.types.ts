import { z } from 'zod';
import { idSchema } from '../shared/schemas';

/** Slack ids (channels C…/G…/D…, message timestamps 1700000000.000100) as Slack sends them. */
export const channelIdSchema = z
  .string()
  .trim()
  .regex(/^[A-Z0-9]{2,32}$/, 'must be a Slack channel id such as C0123ABCD');
export const messageTsSchema = z
  .string()
  .trim()
  .regex(/^\d{1,12}\.\d{1,8}$/, 'must be a Slack message timestamp such as 1700000000.000100');

export const watchSchema = z.object({
  id: z.string(),
  channelId: z.string(),
  group: z.object({ id: z.string(), name: z.string() }),
  createdBy: z.string(),
  /** Null while the watch is live; why it stopped otherwise (channel archived, bot removed). */
  disabledReason: z.string().nullable(),
});

export const watchInput = z.object({ channelId: channelIdSchema, groupId: idSchema });

export const cardInput = z.object({ conversationId: idSchema, channelId: channelIdSchema });
