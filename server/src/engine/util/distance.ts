/**
 * The optimal string alignment distance (Levenshtein plus adjacent transpositions) of two lower-case words, or
 * `limit + 1` as soon as it must exceed `limit`: when every cell of a row of the table is past the limit, so is the
 * end. A misspelt cmdlet is compared with 1,500 names: most are ruled out after a few rows (5 ms down to well under 1
 * for an unknown cmdlet's suggestions).
 */
function boundedDistance(s: string, t: string, limit: number): number {
  const cols = t.length + 1;
  // Three rows of the table are enough: the one before the previous is needed for transpositions.
  let before = new Uint32Array(cols);
  let previous = new Uint32Array(cols);
  let current = new Uint32Array(cols);
  for (let j = 0; j < cols; j++) previous[j] = j;
  let previousBest = 0;
  for (let i = 1; i <= s.length; i++) {
    current[0] = i;
    let rowBest = i;
    for (let j = 1; j < cols; j++) {
      const cost = s.charCodeAt(i - 1) === t.charCodeAt(j - 1) ? 0 : 1;
      let best = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost);
      if (i > 1 && j > 1 && s.charCodeAt(i - 1) === t.charCodeAt(j - 2) && s.charCodeAt(i - 2) === t.charCodeAt(j - 1))
        best = Math.min(best, before[j - 2] + 1);
      current[j] = best;
      if (best < rowBest) rowBest = best;
    }
    // (A transposition reaches back two rows, so both must be past the limit.)
    if (rowBest > limit && previousBest > limit) return limit + 1;
    previousBest = rowBest;
    [before, previous, current] = [previous, current, before];
  }
  return Math.min(previous[t.length], limit + 1);
}

/** Whether two words are within `maxDistance` edits; cheap when their lengths alone rule it out. */
export function withinDistance(a: string, b: string, maxDistance: number): boolean {
  return Math.abs(a.length - b.length) <= maxDistance && boundedDistance(a.toLowerCase(), b.toLowerCase(), maxDistance) <= maxDistance;
}

/** The candidates nearest to `word` within `maxDistance`, nearest first (ties in the candidates' order). */
export function nearest(word: string, candidates: readonly string[], maxDistance: number): string[] {
  const lower = word.toLowerCase();
  return candidates
    .filter((candidate) => Math.abs(candidate.length - word.length) <= maxDistance)
    .map((candidate) => ({ candidate, distance: boundedDistance(lower, candidate.toLowerCase(), maxDistance) }))
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
