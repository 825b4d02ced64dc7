import { z } from 'zod';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  isDefault: z.boolean(),
  createdAt: isoDateSchema,
});
export type WorkspaceView = z.infer<typeof workspaceSchema>;

export const workspaceNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters');
export const workspaceIdInput = z.object({ workspaceId: idSchema });

export const presentWorkspace = (row: {
  id: string;
  name: string;
  isDefault: boolean;
  createdAt: Date;
}): WorkspaceView => ({
  id: row.id,
  name: row.name,
  isDefault: row.isDefault,
  createdAt: toIso(row.createdAt),
});
