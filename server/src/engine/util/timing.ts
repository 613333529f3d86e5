/**
 * Where the time of a lint goes, when asked (the CLI's `--timing`, as ESLint's TIMING): milliseconds summed by
 * phase (parse, walk, bind, rules…) and by rule, over every script linted with the same `Timings`.
 */
export class Timings {
  private readonly phaseTotals = new Map<string, number>();
  private readonly ruleTotals = new Map<string, number>();

  /** Runs `work` and adds its time to the phase. */
  phase<T>(name: string, work: () => T): T {
    return timed(this.phaseTotals, name, work);
  }

  /** Adds time measured otherwise (asynchronous work) to the phase. */
  add(phase: string, ms: number): void {
    addTo(this.phaseTotals, phase, ms);
  }

  /** Runs a rule's check and adds its time to the rule. */
  rule(id: string, work: () => void): void {
    timed(this.ruleTotals, id, work);
  }

  /** The phases in the order they first ran, with their total milliseconds. */
  get phases(): readonly (readonly [string, number])[] {
    return [...this.phaseTotals];
  }

  /** The rules, slowest first, with their total milliseconds. */
  get rules(): readonly (readonly [string, number])[] {
    return [...this.ruleTotals].sort((a, b) => b[1] - a[1]);
  }
}

/** `work` measured as a phase of `timings`, or just run when no timings are asked for. */
export function measured<T>(timings: Timings | undefined, phase: string, work: () => T): T {
  return timings ? timings.phase(phase, work) : work();
}

function timed<T>(totals: Map<string, number>, key: string, work: () => T): T {
  const start = performance.now();
  try {
    return work();
  } finally {
    addTo(totals, key, performance.now() - start);
  }
}

function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}
