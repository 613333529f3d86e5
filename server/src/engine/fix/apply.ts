import type { Fix, Finding } from '../rules/rule';
import { LineIndex, type TextEdit } from '../text';

/**
 * Applies fixes to a text. A fix whose edits overlap an edit already taken is skipped (it is applied
 * on a later pass, against the new text), so the result never depends on the order of the findings.
 */
export function applyFixes(text: string, fixes: readonly Fix[]): { text: string; applied: number } {
  const index = new LineIndex(text);
  const taken: { start: number; end: number; edit: TextEdit }[] = [];
  let applied = 0;
  for (const fix of fixes) {
    const spans = fix.edits.map((edit) => ({ start: index.offsetAt(edit.range.start), end: index.offsetAt(edit.range.end), edit }));
    // Edits that overlap or merely touch conflict: their order would decide the result.
    if (spans.some((s) => taken.some((t) => s.start <= t.end && t.start <= s.end))) continue;
    taken.push(...spans);
    applied++;
  }
  taken.sort((a, b) => b.start - a.start);
  let result = text;
  for (const { start, end, edit } of taken) result = result.slice(0, start) + edit.newText + result.slice(end);
  return { text: result, applied };
}

/** The safe fixes of some findings: what fix-all applies. */
export function safeFixes(findings: readonly Finding[]): Fix[] {
  return findings.flatMap((f) => f.fixes.filter((fix) => fix.safe).slice(0, 1));
}

/** Applies safe fixes until none is left (or a bound of passes), re-linting in between. */
export function fixAll(text: string, lint: (text: string) => readonly Finding[], maxPasses = 10): { text: string; applied: number } {
  let current = text;
  let total = 0;
  for (let pass = 0; pass < maxPasses; pass++) {
    const { text: next, applied } = applyFixes(current, safeFixes(lint(current)));
    if (applied === 0 || next === current) break;
    current = next;
    total += applied;
  }
  return { text: current, applied: total };
}
