/**
 * Where the time of a lint goes, when asked (the CLI's `--timing`, as ESLint's TIMING): milliseconds summed by
 * phase (parse, walk, bind, rules…) and by rule, over every script linted with the same `Timings`.
 */
export class Timings {
  private readonly phaseTotals = new Map<string, number>();
  private readonly ruleTotals = new Map<string, number>();

  /** `now`: the clock in milliseconds (tests pass one of their own, so that what they measure does not depend on the host's load). */
  constructor(private readonly now: () => number = () => performance.now()) {}

  /** Runs `work` and adds its time to the phase. */
  phase<T>(name: string, work: () => T): T {
    return this.timed(this.phaseTotals, name, work);
  }

  /** Adds time measured otherwise (asynchronous work) to the phase. */
  add(phase: string, ms: number): void {
    addTo(this.phaseTotals, phase, ms);
  }

  /** Runs a rule's check and adds its time to the rule. */
  rule(id: string, work: () => void): void {
    this.timed(this.ruleTotals, id, work);
  }

  private timed<T>(totals: Map<string, number>, key: string, work: () => T): T {
    const start = this.now();
    try {
      return work();
    } finally {
      addTo(totals, key, this.now() - start);
    }
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

function addTo(totals: Map<string, number>, key: string, ms: number): void {
  totals.set(key, (totals.get(key) ?? 0) + ms);
}
