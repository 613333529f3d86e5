import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver';
import type { ParsedScript } from '../engine/incremental';
import type { Linter, LintOptions, LintResult } from '../engine/lint';
import { SOURCE } from './convert';

/**
 * Edits that arrive closer together than this are a burst (a paste replayed as keystrokes, an undo chain, a
 * formatter, key auto-repeat faster than 40 per second): linted once, DEBOUNCE_MS after the last of them. An edit
 * after a pause is linted at once. See docs/performance.md.
 */
export const BURST_MS = 25;
/** How long a burst must pause before it is linted. */
export const DEBOUNCE_MS = 20;
/** How long a document must stay unchanged before a lint that may differ from a fresh one is done again from scratch. */
export const SETTLE_MS = 500;
/**
 * How many documents keep their parse for the next edit (the most recently linted ones). A parse holds a tree in
 * WebAssembly memory, about a megabyte per thousand lines: fifty open documents need not all keep one. A document
 * whose parse was let go is parsed from scratch at its next edit, as when it was opened.
 */
export const KEPT_PARSES = 8;

/**
 * The language server's per-document lint state: the parse of the last version (to lint the next one incrementally),
 * and the time of the last change (to tell a burst from typing).
 */
export class DocumentLints {
  private readonly parsed = new Map<string, { version: number; parsed: ParsedScript }>();
  private readonly lastChange = new Map<string, number>();

  /** The delay before linting after a change: none after a pause, DEBOUNCE_MS inside a burst of changes. */
  delayAfterChange(uri: string, now = performance.now()): number {
    const last = this.lastChange.get(uri);
    this.lastChange.set(uri, now);
    return last !== undefined && now - last < BURST_MS ? DEBOUNCE_MS : 0;
  }

  /**
   * Lints a version of a document, incrementally from its last parse. Linting the same version again lints it from
   * scratch (the settling lint). `settle` says whether the result may differ from a lint from scratch: then lint the
   * same version again once the document has stayed unchanged for SETTLE_MS.
   */
  lint(linter: Linter, uri: string, version: number, text: string, options: LintOptions): { result: LintResult; settle: boolean } {
    const last = this.parsed.get(uri);
    this.parsed.delete(uri);
    let previous = last?.parsed;
    if (last && last.version === version) {
      // The settling lint: from scratch.
      last.parsed.dispose();
      previous = undefined;
    }
    // lintIncremental takes the previous parse over (it disposes of it, even when it throws).
    const { result, parsed } = linter.lintIncremental(text, options, previous);
    // Map order is insertion order: re-inserted on every lint, the first entries are the least recently linted.
    this.parsed.set(uri, { version, parsed });
    for (const [oldest, kept] of this.parsed) {
      if (this.parsed.size <= KEPT_PARSES) break;
      kept.parsed.dispose();
      this.parsed.delete(oldest);
    }
    return { result, settle: !parsed.exact };
  }

  /** Drops what is kept for a document (closed, disabled or too large). */
  forget(uri: string): void {
    this.parsed.get(uri)?.parsed.dispose();
    this.parsed.delete(uri);
  }

  close(uri: string): void {
    this.forget(uri);
    this.lastChange.delete(uri);
  }
}

/** The size of a text in UTF-8 bytes, when it may exceed `limit` (0 otherwise, without measuring). */
export function sizeBeyond(text: string, limitBytes: number): number {
  // A UTF-16 code unit is at most 3 UTF-8 bytes: shorter texts cannot exceed the limit.
  if (text.length * 3 <= limitBytes) return 0;
  const bytes = Buffer.byteLength(text, 'utf8');
  return bytes > limitBytes ? bytes : 0;
}

/** The one diagnostic of a document that is not linted because it is larger than `lyncPic.maxFileSizeKB`. */
export function tooLargeDiagnostic(bytes: number, limitKB: number): Diagnostic {
  const kb = (n: number): string => `${Math.ceil(n).toLocaleString('en-US')} KB`;
  return {
    range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } },
    severity: DiagnosticSeverity.Information,
    code: 'file-too-large',
    source: SOURCE,
    message: `lync-pic did not lint this file: it is ${kb(bytes / 1024)}, more than the lyncPic.maxFileSizeKB setting (${kb(limitKB)}). Raise the setting to lint it.`,
  };
}
