/** Optimal string alignment distance (Levenshtein plus adjacent transpositions), case-insensitive. */
export function editDistance(a: string, b: string): number {
  const s = a.toLowerCase();
  const t = b.toLowerCase();
  const cols = t.length + 1;
  // Three rows of the table are enough: the one before the previous is needed for transpositions.
  let before = new Uint32Array(cols);
  let previous = Uint32Array.from({ length: cols }, (_, j) => j);
  let current = new Uint32Array(cols);
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    for (let j = 1; j < cols; j++) {
      const cost = s[i - 1] === t[j - 1] ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s[i - 1] === t[j - 2] && s[i - 2] === t[j - 1]) best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
    }
    [before, previous, current] = [previous, current, before];
  }
  return previous[t.length];
}

/** Whether two words are within `maxDistance` edits; cheap when their lengths alone rule it out. */
export function withinDistance(a: string, b: string, maxDistance: number): boolean {
  return Math.abs(a.length - b.length) <= maxDistance && editDistance(a, b) <= maxDistance;
}

/** The candidates nearest to `word` within `maxDistance`, nearest first (ties in the candidates' order). */
export function nearest(word: string, candidates: readonly string[], maxDistance: number): string[] {
  return candidates
    .filter((candidate) => Math.abs(candidate.length - word.length) <= maxDistance)
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .filter((c) => c.distance <= maxDistance)
    .sort((a, b) => a.distance - b.distance)
    .map((c) => c.candidate);
}

/** A tolerance that grows with the length of the word: one edit per four characters, between 1 and 3. */
export function typoTolerance(word: string): number {
  return Math.max(1, Math.min(3, Math.floor(word.length / 4)));
}

/** `-A`, `-A or -B`, `-A, -B or -C` (or with `and`). */
export function orList(names: readonly string[], prefix = '-', conjunction: 'or' | 'and' = 'or'): string {
  const quoted = names.map((n) => `${prefix}${n}`);
  return quoted.length <= 1 ? (quoted[0] ?? '') : `${quoted.slice(0, -1).join(', ')} ${conjunction} ${quoted[quoted.length - 1]}`;
}
