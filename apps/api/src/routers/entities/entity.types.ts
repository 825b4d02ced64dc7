import { z } from 'zod';
import { labelSchema, phrasesSchema } from '../../services/detections/definition-fields';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** A Symbl custom entity (`id, type, subType, category, values`) plus timestamps. */
export const entitySchema = z.object({
  id: z.string(),
  type: z.string(),
  subType: z.string(),
  category: z.string(),
  values: z.array(z.string()),
  createdAt: isoDateSchema,
  updatedAt: isoDateSchema,
});
export type EntityView = z.infer<typeof entitySchema>;

export const presentEntity = (row: {
  id: string;
  type: string;
  subType: string;
  category: string;
  values: string[];
  createdAt: Date;
  updatedAt: Date;
}): EntityView => ({
  id: row.id,
  type: row.type,
  subType: row.subType,
  category: row.category,
  values: row.values,
  createdAt: toIso(row.createdAt),
  updatedAt: toIso(row.updatedAt),
});

/** Symbl's body. `category` is always "Custom" (the only category Symbl lets clients create). */
export const entityFieldsInput = z.object({
  type: labelSchema(128),
  subType: labelSchema(128),
  category: z.literal('Custom', { error: 'must be "Custom"' }).optional(),
  values: phrasesSchema({ maxPhrases: 1000, maxLength: 256 }),
});
export type EntityFields = z.infer<typeof entityFieldsInput>;

export const entityIdInput = z.object({ entityId: idSchema });

export const entitiesTag = ['Custom entities (Symbl)'];
