import { stem } from './stem';
import {
  type DetectionMessage,
  dropNested,
  findAll,
  overlaps,
  phrasePattern,
  type Span,
  type Token,
  tokenize,
} from './text';

/** A Symbl tracker as detection needs it. */
export interface TrackerDefinition {
  id: string;
  name: string;
  vocabulary: readonly string[];
}

export type TrackerMatchType = 'exact' | 'similar';

export interface TrackerMatch {
  trackerId: string;
  name: string;
  /** The vocabulary entry that matched. */
  phrase: string;
  matchType: TrackerMatchType;
  messageId: string;
  start: number;
  end: number;
}

/**
 * How many extra words may sit among a phrase's words in a similar match: "cancel my
 * subscription" is found in "cancel the whole subscription" (2 extra) but not across a paragraph.
 */
export const similarWindowSlack = 2;

interface CompiledPhrase {
  phrase: string;
  pattern: RegExp | null;
  /** Stem → how many times the phrase needs it. */
  needs: Map<string, number>;
  size: number;
}

const compilePhrase = (phrase: string): CompiledPhrase => {
  const needs = new Map<string, number>();
  let size = 0;
  for (const token of tokenize(phrase)) {
    const key = stem(token.norm);
    needs.set(key, (needs.get(key) ?? 0) + 1);
    size++;
  }
  return { phrase, pattern: phrasePattern(phrase), needs, size };
};

/**
 * Similar matches of one phrase: token windows (at most size + slack words) that hold every
 * stemmed phrase word, in any order. For each start the shortest window is taken; windows that
 * share an end keep the latest start (the tightest), then overlapping windows are resolved
 * left to right. The minimal end never decreases as the start moves right, which is why
 * comparing equal ends is enough to drop every window that contains another.
 */
const findSimilar = (
  compiled: CompiledPhrase,
  tokens: readonly Token[],
  stems: readonly string[],
): Span[] => {
  if (compiled.size === 0) return [];
  const maxWindow = compiled.size + similarWindowSlack;
  const windows: { first: number; last: number }[] = [];

  for (let first = 0; first < tokens.length; first++) {
    if (!compiled.needs.has(stems[first] as string)) continue;
    const missing = new Map(compiled.needs);
    let remaining = compiled.size;
    for (let last = first; last < tokens.length && last - first < maxWindow; last++) {
      const key = stems[last] as string;
      const count = missing.get(key) ?? 0;
      if (count === 0) continue;
      missing.set(key, count - 1);
      if (--remaining === 0) {
        const previous = windows.at(-1);
        if (previous?.last === last) previous.first = first;
        else windows.push({ first, last });
        break;
      }
    }
  }

  const spans: Span[] = [];
  let lastEnd = -1;
  for (const { first, last } of windows) {
    if (first <= lastEnd) continue;
    spans.push({ start: (tokens[first] as Token).start, end: (tokens[last] as Token).end });
    lastEnd = last;
  }
  return spans;
};

/**
 * Finds tracker vocabulary in messages, exactly (case-insensitive whole-word phrase) or as
 * similar phrasing (case, punctuation, simple stemming and word order normalised). Per tracker
 * and message: an exact match wins over any similar match it overlaps, and a match nested in a
 * longer one of the same type is dropped, so each mention is reported once.
 * Results are ordered by message (input order), then offset, then tracker (input order).
 */
export const detectTrackers = (
  messages: readonly DetectionMessage[],
  trackers: readonly TrackerDefinition[],
): TrackerMatch[] => {
  const compiled = trackers.map((tracker) => ({ tracker, phrases: tracker.vocabulary.map(compilePhrase) }));

  const matches: TrackerMatch[] = [];
  for (const message of messages) {
    const tokens = tokenize(message.text);
    const stems = tokens.map((token) => stem(token.norm));
    const inMessage: TrackerMatch[] = [];

    for (const { tracker, phrases } of compiled) {
      const exact = dropNested(
        phrases.flatMap(({ phrase, pattern }) =>
          pattern ? findAll(pattern, message.text).map((span) => ({ ...span, phrase })) : [],
        ),
      );
      const similar = dropNested(
        phrases.flatMap((compiled) =>
          findSimilar(compiled, tokens, stems).map((span) => ({ ...span, phrase: compiled.phrase })),
        ),
      ).filter((span) => !exact.some((hit) => overlaps(hit, span)));

      const toMatch = (matchType: TrackerMatchType) => (span: Span & { phrase: string }) => ({
        trackerId: tracker.id,
        name: tracker.name,
        phrase: span.phrase,
        matchType,
        messageId: message.id,
        start: span.start,
        end: span.end,
      });
      inMessage.push(...exact.map(toMatch('exact')), ...similar.map(toMatch('similar')));
    }
    // sort is stable: equal offsets keep tracker input order, exact before similar.
    for (const match of inMessage.sort((a, b) => a.start - b.start)) matches.push(match);
  }
  return matches;
};
