import type { LineIndex, Range } from './text';

/** A comment of the script (line or block), as the parser found it. */
export interface ScriptComment {
  readonly text: string;
  readonly range: Range;
}

const DIRECTIVE = /lync-pic-(disable-next-line|disable-line|disable-file|disable|enable)\b([^\r\n#]*)/g;

type Scope = { readonly rules: ReadonlySet<string> | 'all' };

interface LineSpan extends Scope {
  readonly from: number;
  /** Inclusive; Infinity while open. */
  readonly to: number;
}

function ruleList(text: string): ReadonlySet<string> | 'all' {
  const names = text.split(/[\s,]+/).filter((n) => /^[a-z][\w-]*$/.test(n));
  return names.length === 0 ? 'all' : new Set(names);
}

function covers(scope: Scope, ruleId: string): boolean {
  return scope.rules === 'all' || scope.rules.has(ruleId);
}

/**
 * Suppression comments, in the style of ESLint's:
 * `# lync-pic-disable-next-line <rules>`, `# lync-pic-disable-line <rules>` (at the end of the line),
 * `# lync-pic-disable <rules>` … `# lync-pic-enable <rules>`, and `# lync-pic-disable-file <rules>`.
 * No rule list means every rule; rules are separated by spaces or commas.
 *
 * "Line" means a logical line: a command continued with backticks over several lines counts as one, so a
 * directive above (or at the end of) a long command covers all of it.
 */
export class Suppressions {
  private readonly spans: LineSpan[] = [];

  constructor(
    comments: readonly ScriptComment[],
    private readonly index: LineIndex,
  ) {
    const open: LineSpan[] = [];
    for (const comment of comments) {
      if (!comment.text.includes('lync-pic-')) continue; // most comments: no directive (checked cheaply first)
      for (const match of comment.text.matchAll(DIRECTIVE)) {
        this.apply(match[1], ruleList(match[2]), comment.range, open);
      }
    }
    this.spans.push(...open);
  }

  private apply(kind: string, rules: ReadonlySet<string> | 'all', range: Range, open: LineSpan[]): void {
    switch (kind) {
      case 'disable-next-line':
        this.spans.push({ rules, from: range.end.line + 1, to: this.logicalEnd(range.end.line + 1) });
        break;
      case 'disable-line': {
        const start = this.logicalStart(range.start.line);
        this.spans.push({ rules, from: start, to: this.logicalEnd(start) });
        break;
      }
      case 'disable-file':
        this.spans.push({ rules, from: 0, to: Infinity });
        break;
      case 'disable':
        open.push({ rules, from: range.start.line, to: Infinity });
        break;
      case 'enable':
        this.close(rules, range.start.line, open);
        break;
    }
  }

  /** `enable` ends the open `disable` spans it names (all of them when it names none). */
  private close(rules: ReadonlySet<string> | 'all', line: number, open: LineSpan[]): void {
    for (let i = open.length - 1; i >= 0; i--) {
      const span = open[i];
      const ends = rules === 'all' || (span.rules !== 'all' && [...span.rules].every((r) => rules.has(r)));
      if (!ends) continue;
      this.spans.push({ ...span, to: line });
      open.splice(i, 1);
    }
  }

  private logicalStart(line: number): number {
    return logicalLineStart(this.index, line);
  }

  /** The last line of the logical line that starts at `line`. */
  private logicalEnd(line: number): number {
    let end = line;
    while (end + 1 < this.index.lineCount && endsWithContinuation(this.index.lineText(end))) end++;
    return end;
  }

  /** Whether the script has any suppression: most have none, and their findings need not be checked one by one. */
  get any(): boolean {
    return this.spans.length > 0;
  }

  isSuppressed(ruleId: string, line: number): boolean {
    // (A loop, not `some`: this runs for every finding of every lint, and a closure would be made each time.)
    for (const span of this.spans) if (line >= span.from && line <= span.to && covers(span, ruleId)) return true;
    return false;
  }
}

function endsWithContinuation(line: string): boolean {
  return line.endsWith('`');
}

/** The first line of the logical line (backtick continuations joined) that `line` belongs to. */
export function logicalLineStart(index: LineIndex, line: number): number {
  let start = line;
  while (start > 0 && endsWithContinuation(index.lineText(start - 1))) start--;
  return start;
}
