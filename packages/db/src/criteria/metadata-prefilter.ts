import { wildcardCharacter, wildcardToLike } from '@switchboard/core';

/**
 * A LIKE pattern over the whole document, `c."metadata"::text`, that every row whose value under
 * the key matches the wildcard `pattern` also matches: a superset the trigram index
 * `Conversation_metadata_text_trgm_idx` can find, put in front of the exact per-key test.
 * Undefined when no such pattern is both exact and useful:
 *
 * - jsonb prints a string value verbatim between quotes except `"`, `\` and characters below
 *   U+0020, which it escapes (non-ASCII stays as it is). A literal part holding one of those would
 *   not appear as written, so the prefilter could drop a true match: no prefilter then.
 * - The value is one contiguous piece of the printed document, so its literal parts appear in
 *   order there: `*a*b*` → `%a%b%`. LIKE is case-sensitive, like the criteria (README rule 3).
 * - pg_trgm finds rows only from trigrams of letters and digits; with no run of three, the index
 *   would be read in full. ASCII letters and digits count in every locale, so only they count here.
 */
export function metadataPrefilterPattern(pattern: string): string | undefined {
  const literals = pattern.split(wildcardCharacter).filter((part) => part.length > 0);
  if (literals.some((part) => printedDifferently.test(part))) return undefined;
  if (!literals.some((part) => trigramRun.test(part))) return undefined;
  return wildcardToLike(`${wildcardCharacter}${literals.join(wildcardCharacter)}${wildcardCharacter}`);
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters jsonb escapes are the point
const printedDifferently = /["\\\u0000-\u001f]/;
const trigramRun = /[A-Za-z0-9]{3}/;
