import { z } from 'zod';
import { isoDateSchema } from '../shared/schemas';

export const organizationSchema = z.object({ id: z.string(), name: z.string(), createdAt: isoDateSchema });

export const organizationNameSchema = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(128, 'must be at most 128 characters');
