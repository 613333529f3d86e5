/**
 * The command around a position, read from the syntax tree: what completion and hover work on. A half-typed
 * command is a command in the tree too (`New-CsPublicProvider -` has a parameter with no name yet), so they read
 * the same tree as the rules.
 */
import { readScript, type ScriptCommand } from './parse/commands';
import { parseScript } from './parse/script-parser';
import { isDash, isDoubleQuote } from './parse/tokenizer';
import type { CommandNode, ExpressionNode, ScriptTree, StringNode, SyntaxNode } from './parse/syntax';
import { walkTree } from './parse/visit';
import { comparePositions, LineIndex } from './text';

export type ScanTokenType = 'word' | 'string';

/** A word or a quoted string of a command, as written. */
export interface ScanToken {
  readonly type: ScanTokenType;
  readonly text: string;
  /** Offsets in the whole text. */
  readonly start: number;
  readonly end: number;
  /** A string without its closing quote (it runs to its line's end). */
  readonly unterminated?: boolean;
}

export interface CommandScan {
  /** The tokens of the command the position is in: its name, then its parameters and values. */
  readonly tokens: readonly ScanToken[];
  /** The token the position touches (start < offset <= end), if any. */
  readonly atCursor?: ScanToken;
  /** The tokens before `atCursor` (or before the position when it touches none). */
  readonly before: readonly ScanToken[];
  /** The position is inside a comment or inside a string (not inside a command nested in the string). */
  readonly inCommentOrString: boolean;
  /** The command receives pipeline input. */
  readonly pipelineInput: boolean;
  /** The command, as the engine's model reads it (splats resolved), when it is one the engine reads (a Cs name). */
  readonly command?: ScriptCommand;
  /** No command holds the position, and none can start there (it is in an expression: `$a = $b -`). */
  readonly inExpression?: boolean;
}

/** Whether a word is a parameter token (`-Name`, `-Name:`, `-` alone, or with an en/em dash or horizontal bar). */
export function isParameterWord(text: string): boolean {
  return text.length > 0 && isDash(text.charCodeAt(0)) && (text.length === 1 || /^[A-Za-z_?:]/.test(text.slice(1)));
}

/** The parameter name of a parameter word, without dash and colon. */
export function parameterNameOf(text: string): string {
  return text.slice(1).replace(/:$/, '');
}

/** Whether a string token is in double quotes (PowerShell expands variables and escapes in it). */
export function isExpandableString(token: ScanToken): boolean {
  return token.type === 'string' && isDoubleQuote(token.text.charCodeAt(0));
}

/** A parsed script, for the questions asked about one position. */
export class ScriptAtPositions {
  readonly tree: ScriptTree;
  readonly index: LineIndex;

  constructor(readonly text: string) {
    this.tree = parseScript(text);
    this.index = new LineIndex(text);
  }

  /** The lync-pic comments of the script (a target version given in the file). */
  get comments(): { readonly text: string }[] {
    return this.tree.comments.map((c) => ({ text: this.text.slice(c.start, c.end) })).filter((c) => /lync-pic/i.test(c.text));
  }

  /** The command the offset is in (or right after, with only blanks between). */
  commandAt(offset: number): CommandScan {
    if (this.inComment(offset)) return { tokens: [], before: [], inCommentOrString: true, pipelineInput: false };
    const { command, piped, string } = this.around(offset);
    const inString = string !== undefined && (command === undefined || command.start <= string.start);
    if (!command)
      return { tokens: [], before: [], inCommentOrString: inString, pipelineInput: false, ...(this.commandMayStartAt(offset) ? {} : { inExpression: true }) };
    const tokens = this.tokensOf(command);
    const atCursor = tokens.find((t) => t.start < offset && offset <= t.end);
    const before = tokens.filter((t) => t.end <= offset && t !== atCursor && (!atCursor || t.start < atCursor.start));
    const start = this.index.positionAt(command.start);
    const model = readScript(this.tree, this.index).commands.find((c) => comparePositions(c.range.start, start) === 0);
    return { tokens, ...(atCursor ? { atCursor } : {}), before, inCommentOrString: inString, pipelineInput: piped, ...(model ? { command: model } : {}) };
  }

  /**
   * Whether a command name may start at the offset (or the word being typed there is one): at the start of a
   * line or of the text, or after `;`, `|`, `{`, `(`, `&`, `=` and blanks.
   */
  private commandMayStartAt(offset: number): boolean {
    const lineStart = Math.max(this.text.lastIndexOf('\n', offset - 1), this.text.lastIndexOf('\r', offset - 1)) + 1;
    const before = this.text.slice(lineStart, offset);
    return /(?:^|[;|{(&=])[ \t]*[^\s;|{}()&=,$@'"]*$/.test(before) && !/(?:^|\s)[-\u2013\u2014\u2015][^\s]*$/.test(before);
  }

  /** Inside a comment (or at the end of one: the rest of its line is comment too). */
  private inComment(offset: number): boolean {
    return this.tree.comments.some((c) => c.start < offset && offset <= c.end);
  }

  /**
   * The innermost command whose span, stretched over the blanks after it on its line, holds the offset; and the
   * innermost quoted string that holds it.
   */
  private around(offset: number): { command?: CommandNode; piped: boolean; string?: StringNode } {
    let command: CommandNode | undefined;
    let piped = false;
    let string: StringNode | undefined;
    const body = this.tree.body;
    const roots: SyntaxNode[] = body.param ? [body.param, ...body.statements] : [...body.statements];
    // (The commands after a `|`: a command alone is a statement of its own, no pipeline around it.)
    const pipedCommands = new Set<SyntaxNode>();
    walkTree(roots, (node) => {
      if (node.kind === 'pipeline') {
        for (let i = 1; i < node.elements.length; i++) pipedCommands.add(node.elements[i]);
      } else if (node.kind === 'command') {
        if (node.start <= offset && this.reaches(node, offset)) {
          command = node;
          piped = pipedCommands.has(node);
        }
      } else if (
        node.kind === 'string' &&
        node.quote !== 'bare' &&
        node.start < offset &&
        (offset < node.end || (offset === node.end && this.unterminated(node)))
      ) {
        string = node;
      }
    });
    return { command, piped, string };
  }

  /** Whether the command reaches the offset: it ends there or later, or only blanks and continuations come between. */
  private reaches(command: CommandNode, offset: number): boolean {
    if (offset <= command.end) return true;
    const between = this.text.slice(command.end, offset);
    return /^(?:[ \t]|`\r?\n)*$/.test(between);
  }

  private unterminated(node: StringNode): boolean {
    return this.tree.errors.some((e) => e.start === node.start && e.message.startsWith('The string is missing the terminator'));
  }

  /** The name, parameters and values of a command, as tokens. */
  private tokensOf(command: CommandNode): ScanToken[] {
    const tokens: ScanToken[] = [];
    if (command.name) tokens.push(this.token(command.name));
    for (const element of command.elements) {
      if (element.kind === 'redirection') continue;
      if (element.kind === 'parameter') {
        // (`-Name:value`: the parameter's token ends with its colon.)
        const end = element.argument ? this.text.indexOf(':', element.start) + 1 : element.end;
        tokens.push({ type: 'word', text: this.text.slice(element.start, end), start: element.start, end });
        if (element.argument) tokens.push(this.token(element.argument));
      } else {
        tokens.push(this.token(element));
      }
    }
    return tokens;
  }

  private token(node: ExpressionNode): ScanToken {
    const text = this.text.slice(node.start, node.end);
    if (node.kind === 'string' && node.quote !== 'bare') {
      return { type: 'string', text, start: node.start, end: node.end, ...(this.unterminated(node) ? { unterminated: true } : {}) };
    }
    return { type: 'word', text, start: node.start, end: node.end };
  }
}
