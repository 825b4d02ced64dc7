/**
 * A deliberately small English stemmer for "similar phrasing". It is applied to vocabulary and
 * message words alike, so it only has to map related forms to the same key, not produce real
 * roots: "cancelled", "canceling" and "cancels" all become "cancel"; "charges", "charged" and
 * "charge" become "charg". A miss costs recall, never a wrong offset.
 *
 * Steps: drop one plural ending (-ies → -y, -es after s/x/z/ch/sh, -s), then one verb or
 * adverb ending (-ied → -y, -ing, -ed, -ly), then tidy: a final -e goes, a doubled final
 * consonant is undoubled, a final -i becomes -y. Guards keep short or irregular words intact
 * ("this", "status", "reply", "thing", "need").
 */
const hasVowel = (stem: string) => /[aeiouy]/.test(stem);

const stripPlural = (word: string): string => {
  if (word.endsWith('ies') && word.length - 3 >= 2) return `${word.slice(0, -3)}y`;
  // -es is an ending only after s, x, z, ch, sh ("boxes", "matches"); "charges" and "agrees"
  // are -s plurals of words ending in -e.
  if (/(?:[sxz]|ch|sh)es$/.test(word) && word.length - 2 >= 2) return word.slice(0, -2);
  // "status", "this", "class" end in -s without being plurals.
  if (word.endsWith('s') && word.length - 1 >= 3 && !/[siu]s$/.test(word)) return word.slice(0, -1);
  return word;
};

const stripEnding = (word: string): string => {
  if (word.endsWith('ied') && word.length - 3 >= 2) return `${word.slice(0, -3)}y`;
  // "thing" and "shed" keep their ending: no vowel would be left.
  const strippable = (suffix: string) => word.endsWith(suffix) && hasVowel(word.slice(0, -suffix.length));
  if (strippable('ing') && word.length - 3 >= 2) return word.slice(0, -3);
  // "need" and "speed" keep -eed: it is nearly always part of the word ("agreed" is the price).
  if (strippable('ed') && word.length - 2 >= 2 && !word.endsWith('eed')) return word.slice(0, -2);
  // "reply"/"apply" and "family" are not adverbs; their plurals stem to the -y form.
  if (word.endsWith('ly') && word.length - 2 >= 4 && !/[pi]ly$/.test(word)) return word.slice(0, -2);
  return word;
};

const tidy = (stem: string): string => {
  let out = stem;
  if (out.length >= 3 && out.endsWith('e')) out = out.slice(0, -1);
  if (out.length > 3 && /([^aeiou])\1$/.test(out)) out = out.slice(0, -1);
  if (out.length >= 3 && out.endsWith('i')) out = `${out.slice(0, -1)}y`;
  return out;
};

/** Expects a lowercased word (see tokenize). */
export const stem = (word: string): string => tidy(stripEnding(stripPlural(word)));
