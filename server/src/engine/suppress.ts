import type { Range } from './text';

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
 */
export class Suppressions {
  private readonly spans: LineSpan[] = [];

  constructor(comments: readonly ScriptComment[]) {
    const open: LineSpan[] = [];
    for (const comment of comments) {
      for (const match of comment.text.matchAll(DIRECTIVE)) {
        this.apply(match[1], ruleList(match[2]), comment.range, open);
      }
    }
    this.spans.push(...open);
  }

  private apply(kind: string, rules: ReadonlySet<string> | 'all', range: Range, open: LineSpan[]): void {
    switch (kind) {
      case 'disable-next-line':
        this.spans.push({ rules, from: range.end.line + 1, to: range.end.line + 1 });
        break;
      case 'disable-line':
        this.spans.push({ rules, from: range.start.line, to: range.start.line });
        break;
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

  isSuppressed(ruleId: string, line: number): boolean {
    return this.spans.some((span) => line >= span.from && line <= span.to && covers(span, ruleId));
  }
}

/** The comment to write above a line to silence one rule there. */
export function disableNextLineComment(ruleId: string, indentation: string): string {
  return `${indentation}# lync-pic-disable-next-line ${ruleId}\n`;
}
