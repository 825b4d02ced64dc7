import { validateDescription } from '@switchboard/core';
import { z } from 'zod';
import { labelSchema, phrasesSchema } from '../../services/detections/definition-fields';
import { idSchema, isoDateSchema, toIso } from '../shared/schemas';

/** A Symbl tracker: `id, name, description, categories, languages, vocabulary, createdOn, updatedOn`. */
export const trackerSchema = z.object({
  id: z.string(),
  name: z.string(),
  description: z.string().nullable(),
  categories: z.array(z.string()),
  languages: z.array(z.string()),
  vocabulary: z.array(z.string()),
  createdOn: isoDateSchema,
  updatedOn: isoDateSchema,
});
export type TrackerView = z.infer<typeof trackerSchema>;

export const presentTracker = (row: {
  id: string;
  name: string;
  description: string | null;
  categories: string[];
  languages: string[];
  vocabulary: string[];
  createdOn: Date;
  updatedOn: Date;
}): TrackerView => ({
  id: row.id,
  name: row.name,
  description: row.description,
  categories: row.categories,
  languages: row.languages,
  vocabulary: row.vocabulary,
  createdOn: toIso(row.createdOn),
  updatedOn: toIso(row.updatedOn),
});

/** BCP 47 language tags as Symbl writes them ("en-US"). */
const languageSchema = z
  .string()
  .trim()
  .regex(/^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8}){0,3}$/, 'must be a language tag such as "en-US"');

/**
 * Symbl's body. Names are case-sensitive and unique in the organization (Symbl: "Pricing" and
 * "pricing" are two trackers). `description` follows core's 512-character rule.
 */
export const trackerFieldsInput = z.object({
  name: labelSchema(128),
  description: z
    .string()
    .nullable()
    .optional()
    .superRefine((description, ctx) => {
      if (typeof description !== 'string') return;
      try {
        validateDescription(description);
      } catch (error) {
        ctx.addIssue({ code: 'custom', message: (error as Error).message });
      }
    }),
  categories: z.array(labelSchema(64)).max(20, 'must hold at most 20 categories').optional(),
  languages: z.array(languageSchema).max(20, 'must hold at most 20 languages').optional(),
  vocabulary: phrasesSchema({ maxPhrases: 1000, maxLength: 512 }),
});
export type TrackerFields = z.infer<typeof trackerFieldsInput>;

export const trackerIdInput = z.object({ trackerId: idSchema });
export const oneTrackerOutput = z.object({ tracker: trackerSchema });
export const trackersTag = ['Trackers (Symbl)'];
