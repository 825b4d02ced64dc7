import { z } from 'zod';
import { idSchema, isoDateSchema, toIso, toIsoOrNull } from '../shared/schemas';

/** An API key as lists show it: identified by its prefix; the key and its hash never leave. */
export const apiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  isOwner: z.boolean(),
  canActForUsers: z.boolean(),
  createdAt: isoDateSchema,
  lastUsedAt: isoDateSchema.nullable(),
  revokedAt: isoDateSchema.nullable(),
});
export type ApiKeyView = z.infer<typeof apiKeySchema>;

/** The answer to create: the only time the key itself is shown. */
export const createdApiKeySchema = z.object({
  id: z.string(),
  name: z.string(),
  prefix: z.string(),
  key: z.string(),
  createdAt: isoDateSchema,
});

export const apiKeyNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters');

export const apiKeyIdInput = z.object({ apiKeyId: idSchema });

export const presentApiKey = (row: {
  id: string;
  name: string;
  prefix: string;
  isOwner: boolean;
  canActForUsers: boolean;
  createdAt: Date;
  lastUsedAt: Date | null;
  revokedAt: Date | null;
}): ApiKeyView => ({
  id: row.id,
  name: row.name,
  prefix: row.prefix,
  isOwner: row.isOwner,
  canActForUsers: row.canActForUsers,
  createdAt: toIso(row.createdAt),
  lastUsedAt: toIsoOrNull(row.lastUsedAt),
  revokedAt: toIsoOrNull(row.revokedAt),
});
