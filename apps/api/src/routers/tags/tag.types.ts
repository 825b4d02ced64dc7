import { z } from 'zod';
import { idSchema, isoDateSchema } from '../shared/schemas';

export const tagsTag = ['Tags (Infobip)'];

/** Checked by core's validateTagName (trimmed, 1–100 characters, no control characters). */
export const tagNameSchema = z.string().max(1000);

export const conversationTagInput = z.object({ conversationId: idSchema, tagName: tagNameSchema });

export const conversationTagSchema = z.object({ name: z.string(), createdAt: isoDateSchema });

export const organizationTagSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema.describe('Tags are never edited: the time it was created'),
  conversationCount: z.number().int().nonnegative(),
});

export const tagSchema = organizationTagSchema.omit({ conversationCount: true });

export const createTagInput = z.object({ name: tagNameSchema });
