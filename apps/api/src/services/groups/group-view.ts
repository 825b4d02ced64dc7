import { z } from 'zod';
import { isoDateSchema, toIso } from '../../routers/shared/schemas';

/** A conversation group as Symbl returns it (`id, name, description, criteria`) plus timestamps. */
export const groupSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  /** The criteria exactly as the caller wrote them. */
  criteria: z.string(),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type GroupView = z.infer<typeof groupSchema>;

export const presentGroup = (row: {
  id: string;
  name: string;
  description: string | null;
  criteria: string;
  createdAt: Date;
  updatedAt: Date;
}): GroupView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  criteria: row.criteria,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});
