import { z } from 'zod';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** A Sharely RBAC role: Sharely's id plus the customer's own identifier. */
export const roleSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  customerRoleId: z.string().nullable(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type RoleView = z.infer<typeof roleSchema>;

export const presentRole = (row: {
  id: string;
  name: string;
  description: string | null;
  customerRoleId: string | null;
  createdAt: Date;
  updatedAt: Date;
}): RoleView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  customerRoleId: row.customerRoleId,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

/** Sharely's rule for customer role ids (also what generate-access-key-token accepts). */
export const customerRoleIdSchema = z
  .string()
  .regex(/^[A-Za-z0-9_-]{1,255}$/, 'must be 1–255 letters, digits, "-" or "_"');

export const roleFields = {
  name: z.string().trim().min(1, 'must not be empty').max(255, 'must be at most 255 characters'),
  description: z.string().max(1000, 'must be at most 1000 characters').nullable().optional(),
  customerRoleId: customerRoleIdSchema.nullable().optional(),
};

export const workspaceRolesInput = z.object({ workspaceId: idSchema });
export const roleIdInput = workspaceRolesInput.extend({ roleId: idSchema });
