import { limits } from '@switchboard/core';
import { z } from 'zod';
import { cursorPageInput, idSchema, isoDateSchema, toIso } from '../shared/schemas';

export const spaceSchema = z.object({
  id: z.string(),
  workspaceId: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  createdAt: isoDateSchema,
});
export type SpaceView = z.infer<typeof spaceSchema>;

export const spaceNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters');

export const workspacePathInput = z.object({ workspaceId: idSchema });
export const spacePathInput = z.object({ workspaceId: idSchema, spaceId: idSchema });
export const spacePageInput = cursorPageInput.extend(spacePathInput.shape);

export const spaceDescriptionSchema = z.string().max(1000, 'must be at most 1000 characters').nullish();

export const presentSpace = (row: {
  id: string;
  workspaceId: string;
  name: string;
  description: string | null;
  createdAt: Date;
}): SpaceView => ({
  id: row.id,
  workspaceId: row.workspaceId,
  name: row.name,
  description: row.description,
  createdAt: toIso(row.createdAt),
});

/** Sharely's group conversation: a conversation in a space, whose name is its topic. */
export const groupConversationSchema = z.object({
  id: z.string(),
  name: z.string(),
  createdAt: isoDateSchema,
});
export type GroupConversationView = z.infer<typeof groupConversationSchema>;

export const DEFAULT_GROUP_NAME = 'General';

/** Optional in Sharely; absent (or null) means "General". The limit is the topic's. */
export const groupNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(limits.topic, `must be at most ${limits.topic} characters`)
  .nullish()
  .transform((name) => name ?? DEFAULT_GROUP_NAME);

// A conversation put in a space by another interface may have no topic; Sharely would call it "General".
export const presentGroupConversation = (row: {
  id: string;
  topic: string | null;
  createdAt: Date;
}): GroupConversationView => ({
  id: row.id,
  name: row.topic ?? DEFAULT_GROUP_NAME,
  createdAt: toIso(row.createdAt),
});
