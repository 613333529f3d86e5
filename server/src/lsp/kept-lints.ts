import type { LintResult } from '../engine';

/**
 * The whole lint of the documents edited last: what the next edit of each reuses (only the statements around an edit
 * are read again) and what code actions read. A lint holds the document's command model (about half a MiB for a
 * 1,000-line script), so only the last few are kept; another document's next lint starts from scratch, and its code
 * actions lint it again.
 */
export class KeptLints {
  private readonly lints = new Map<string, LintResult>();

  constructor(private readonly capacity: number) {}

  get(uri: string): LintResult | undefined {
    const lint = this.lints.get(uri);
    if (lint) {
      // The most recently used goes last: the first is the one to drop.
      this.lints.delete(uri);
      this.lints.set(uri, lint);
    }
    return lint;
  }

  set(uri: string, lint: LintResult): void {
    this.lints.delete(uri);
    this.lints.set(uri, lint);
    if (this.lints.size > this.capacity) this.lints.delete(this.lints.keys().next().value as string);
  }

  delete(uri: string): void {
    this.lints.delete(uri);
  }
}
