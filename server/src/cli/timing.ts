import type { Timings } from '../engine';

/** How many rules `--timing` lists (the slowest), as ESLint's TIMING does. */
const RULES_SHOWN = 10;

/**
 * The `--timing` report: each phase with its share of the whole run, then the slowest rules with their share of the
 * rules' time. `totalMs` is the whole command's time: what the phases do not account for shows as "other".
 */
export function formatTimings(timings: Timings, totalMs: number, files: number): string {
  const phases = timings.phases;
  const accounted = phases.reduce((sum, [, ms]) => sum + ms, 0);
  const rules = timings.rules;
  const rulesMs = rules.reduce((sum, [, ms]) => sum + ms, 0);
  const lines = [`Timing of ${files} ${files === 1 ? 'file' : 'files'}:`, row('phase', 'ms', '%')];
  for (const [name, ms] of [...phases, ['other', Math.max(0, totalMs - accounted)] as const]) lines.push(row(name, ms.toFixed(1), share(ms, totalMs)));
  lines.push(row('total', totalMs.toFixed(1), '100.0'), '', row('rule', 'ms', '% of rules'));
  for (const [id, ms] of rules.slice(0, RULES_SHOWN)) lines.push(row(id, ms.toFixed(1), share(ms, rulesMs)));
  return lines.join('\n');
}

function row(label: string, ms: string, percent: string): string {
  return `  ${label.padEnd(32)}${ms.padStart(10)}${percent.padStart(12)}`;
}

function share(part: number, whole: number): string {
  return whole > 0 ? ((100 * part) / whole).toFixed(1) : '0.0';
}
