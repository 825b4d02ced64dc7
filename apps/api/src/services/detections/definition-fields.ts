import { z } from 'zod';

/**
 * Field schemas shared by custom entities and trackers. Labels (type, subType, tracker names,
 * categories) are single-line; phrases (entity values, tracker vocabulary) are trimmed and must
 * be distinct, compared as detection compares them (case and runs of whitespace ignored), since
 * a repeat could never match anything new (Symbl refuses duplicate vocabulary too).
 */
export const labelSchema = (max: number) =>
  z
    .string()
    .trim()
    .min(1, 'must not be empty')
    .max(max, `must be at most ${max} characters`)
    .regex(/^\P{Cc}*$/u, 'must not contain control characters (line breaks, tabs…)');

export const phrasesSchema = (options: { maxPhrases: number; maxLength: number }) =>
  z
    .array(z.string().trim().min(1, 'must not be blank').max(options.maxLength))
    .min(1, 'must hold at least one phrase')
    .max(options.maxPhrases, `must hold at most ${options.maxPhrases} phrases`)
    .superRefine((phrases, ctx) => {
      const seen = new Map<string, number>();
      phrases.forEach((phrase, index) => {
        const key = phrase.toLowerCase().replace(/\s+/gu, ' ');
        const first = seen.get(key);
        if (first === undefined) seen.set(key, index);
        else ctx.addIssue({ code: 'custom', path: [index], message: `repeats item ${first} ("${phrase}")` });
      });
    });
