/**
 * Text helpers shared by entity and tracker detection. "Word" characters are Unicode letters,
 * combining marks, digits and underscore, so boundaries work for "café", "Müller" or "東京"
 * where JavaScript's ASCII-only `\b` would not.
 */
const wordChar = '[\\p{L}\\p{M}\\p{N}_]';
const startsWithWordChar = new RegExp(`^${wordChar}`, 'u');
const endsWithWordChar = new RegExp(`${wordChar}$`, 'u');

export interface Span {
  start: number;
  end: number;
}

export interface DetectionMessage {
  id: string;
  text: string;
}

/** Escapes the characters that are syntax in a `u`-mode pattern (and only those: `u` forbids other escapes). */
export const escapeRegExp = (value: string): string => value.replace(/[\\^$.*+?()[\]{}|/]/g, '\\$&');

/**
 * A case-insensitive pattern for a phrase as a whole word or words: "credit card" matches
 * "Credit  Card" (any run of whitespace between words, a line break included) but not
 * "credit cards". A boundary is required only at an edge that is a word character: "C++" is
 * found in "C++11" and ".NET" in "ASP.NET", while "cat" is not found in "concatenate". Returns
 * null for a blank phrase, which would otherwise match everywhere.
 */
export const phrasePattern = (phrase: string): RegExp | null => {
  const trimmed = phrase.trim();
  if (trimmed === '') return null;
  const body = trimmed.split(/\s+/u).map(escapeRegExp).join('\\s+');
  const before = startsWithWordChar.test(trimmed) ? `(?<!${wordChar})` : '';
  const after = endsWithWordChar.test(trimmed) ? `(?!${wordChar})` : '';
  return new RegExp(`${before}${body}${after}`, 'giu');
};

/** Every non-overlapping occurrence of the pattern, left to right. */
export const findAll = (pattern: RegExp, text: string): Span[] => {
  const spans: Span[] = [];
  for (const match of text.matchAll(pattern)) {
    spans.push({ start: match.index, end: match.index + match[0].length });
  }
  return spans;
};

export interface Token extends Span {
  /** Lowercased, NFC-normalised, possessive "'s" dropped, inner apostrophes removed. */
  norm: string;
}

const tokenPattern = /[\p{L}\p{M}\p{N}_]+(?:['’][\p{L}\p{M}\p{N}_]+)*/gu;

/** Words with their offsets in the original text; punctuation and spacing are dropped. */
export const tokenize = (text: string): Token[] => {
  const tokens: Token[] = [];
  for (const match of text.matchAll(tokenPattern)) {
    const norm = match[0]
      .normalize('NFC')
      .toLowerCase()
      .replace(/['’]s$/u, '')
      .replace(/['’]/gu, '');
    tokens.push({ start: match.index, end: match.index + match[0].length, norm });
  }
  return tokens;
};

/**
 * Keeps, of spans that nest, only the outermost (identical spans count as nesting), so
 * "New York City" is reported once rather than also as "New York". Input order is irrelevant;
 * the result is sorted by start.
 */
export const dropNested = <T extends Span>(spans: readonly T[]): T[] => {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const kept: T[] = [];
  let maxEnd = -1;
  for (const span of sorted) {
    if (span.end <= maxEnd) continue;
    kept.push(span);
    maxEnd = span.end;
  }
  return kept;
};

export const overlaps = (a: Span, b: Span): boolean => a.start < b.end && b.start < a.end;
