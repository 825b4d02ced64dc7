/** Edit distance (insert, delete, substitute; each costs 1), two rows of memory. */
export const levenshtein = (a: string, b: string): number => {
  if (a === b) return 0;
  let previous = Array.from({ length: b.length + 1 }, (_, i) => i);
  let current = new Array<number>(b.length + 1).fill(0);
  for (let i = 1; i <= a.length; i++) {
    current[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const substitute = (previous[j - 1] ?? 0) + (a[i - 1] === b[j - 1] ? 0 : 1);
      current[j] = Math.min((previous[j] ?? 0) + 1, (current[j - 1] ?? 0) + 1, substitute);
    }
    [previous, current] = [current, previous];
  }
  return previous[b.length] ?? 0;
};

/**
 * The candidate a typo most likely meant, or undefined when nothing is close. Case is ignored
 * when measuring (so `agentid` suggests `agentId`); at most a third of the word may differ,
 * and never more than 3 edits, so unrelated words are not "suggested".
 */
export const suggest = (word: string, candidates: readonly string[]): string | undefined => {
  if (word.length > 64) return undefined; // nothing we know is that long; skip the work
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Number.POSITIVE_INFINITY;
  for (const candidate of candidates) {
    const distance = levenshtein(lower, candidate.toLowerCase());
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  const allowed = Math.min(3, Math.max(1, Math.floor(word.length / 3)));
  return bestDistance <= allowed ? best : undefined;
};
