import { z } from 'zod';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

export const rbacStatusSchema = z.enum(['ACTIVE', 'INACTIVE']);

/** A Sharely workspace; `organizationId` is what clients send back as the `organizationid` header. */
export const workspaceSchema = z.object({
  id: z.string(),
  name: z.string(),
  organizationId: z.string(),
  isDefault: z.boolean(),
  rbacStatus: rbacStatusSchema,
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
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
  organizationId: string;
  isDefault: boolean;
  rbacStatus: string;
  createdAt: Date;
  updatedAt: Date;
}): WorkspaceView => ({
  id: row.id,
  name: row.name,
  organizationId: row.organizationId,
  isDefault: row.isDefault,
  rbacStatus: row.rbacStatus === 'ACTIVE' ? 'ACTIVE' : 'INACTIVE',
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});
