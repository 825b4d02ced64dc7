/**
 * Size bounds for criteria. They keep parsing, evaluation and the generated SQL small and
 * predictable whatever a caller sends (criteria arrive from HTTP bodies and Slack commands).
 */
export const criteriaLimits = {
  /** UTF-16 code units in the whole criteria text (a cheap bound checked before anything else). */
  maxLength: 4096,
  /** Comparisons (`field op value`) in one criteria. */
  maxComparisons: 64,
  /** Nesting of parenthesised groups; `(a==1)` is depth 1. Value lists do not count. */
  maxDepth: 16,
  /** Values in one `=in=` / `=out=` list. */
  maxListValues: 100,
  /**
   * Characters in one value after removing quotes and escapes, counted in code points like the
   * stored fields they are compared with (`charLength` in ../limits). Metadata keys in a field
   * name follow `limits.metadataKey` (also 128).
   */
  maxValueLength: 128,
} as const;
