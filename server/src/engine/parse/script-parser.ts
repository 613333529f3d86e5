/**
 * A recursive-descent parser for PowerShell, after the PowerShell Language Specification and PowerShell's own parser
 * (its behaviour, not its code). It never throws on input: a syntax error is recorded with PowerShell's kind of
 * message and ends the construct it is in, not the file, and the statements after it are read as usual.
 */
import { objectList } from '../util/object-list';
import { FoundInOrder } from './found';
import { isDash, Tok, Tokenizer, type Mode, type FoundMark, type NestedParser } from './tokenizer';
import type {
  ArrayLiteralNode,
  AssignmentNode,
  CommandEntry,
  AttributeNode,
  CommandElementNode,
  CommandNode,
  CompoundStatementNode,
  ErrorNode,
  ExpressionNode,
  ExpressionStatementNode,
  FunctionNode,
  GroupNode,
  HashEntry,
  HashtableNode,
  ParamBlockNode,
  RegionTree,
  SyntaxError as ParseError,
  ParameterDeclarationNode,
  ParameterNode,
  RedirectionNode,
  ScriptBlockNode,
  ScriptBody,
  ScriptTree,
  StatementNode,
  StringNode,
  SyntaxNode,
  TypeNode,
  VariableNode,
} from './syntax';

/**
 * The list a node keeps: an array grown by `push` holds at least 16 slots, a copy only as many as it has, and lists
 * with nothing share one empty array. (About 70,000 lists in the 50,000-line benchmark script: the tree retained 35 MB
 * with grown arrays.)
 */
function settled<T>(list: readonly T[]): readonly T[] {
  if (list.length === 0) return NONE;
  // (Most lists hold one node: a literal is made inline, where `slice` is a call into the runtime.)
  return list.length === 1 ? [list[0]] : list.slice();
}

/** The one empty list of every node that has none (never written to). */
const NONE: readonly never[] = objectList();
/** The empty list `takeBefore` returns: never written to (the reader only reads what it is handed). */
const NOTHING_FOUND: never[] = objectList();

type PipelineElementNode = CommandNode | ExpressionStatementNode;

/**
 * Lists being built, nested in one another: one array for all, each list from its base to the top, taken off at its
 * size when done. A list of its own, grown by `push`, would take 16 slots at once, only to be copied to its size (the
 * elements of 20,000 commands in the benchmark's script: 3.5 MB).
 */
class ListStack<T> {
  private readonly items: T[] = objectList();
  /** The end of the lists: the array keeps its length, so that it never shrinks to grow again. */
  private top = 0;

  get size(): number {
    return this.top;
  }

  push(item: T): void {
    this.items[this.top++] = item;
  }

  /** The list from `base` to the top, which goes back to `base`. */
  take(base: number): readonly T[] {
    const count = this.top - base;
    this.top = base;
    if (count === 0) return NONE;
    return count === 1 ? [this.items[base]] : this.items.slice(base, base + count);
  }
}

/** Past this many nested constructs the parser skips the inner ones (and says so) instead of recursing deeper. */
export const MAX_NESTING = 300;

const TOO_DEEP = 'The script nests statements and expressions too deeply here to be read: this part is not checked.';

/** Binary operators by precedence, lowest first (PowerShell's: logical, bitwise, comparison, +, *, -f, ..). */
const PRECEDENCE = new Map<string, number>();
const LEVELS: readonly (readonly string[])[] = [
  ['??'],
  ['-and', '-or', '-xor'],
  ['-band', '-bor', '-bxor'],
  [
    '-eq',
    '-ne',
    '-gt',
    '-ge',
    '-lt',
    '-le',
    '-like',
    '-notlike',
    '-match',
    '-notmatch',
    '-replace',
    '-contains',
    '-notcontains',
    '-in',
    '-notin',
    '-split',
    '-is',
    '-isnot',
    '-as',
    '-join',
    '-shl',
    '-shr',
  ].flatMap((op) => (['-is', '-isnot', '-as', '-join', '-shl', '-shr'].includes(op) ? [op] : [op, '-c' + op.slice(1), '-i' + op.slice(1)])),
  ['+', '-'],
  ['*', '/', '%'],
  ['-f'],
  ['..'],
];
LEVELS.forEach((ops, level) => ops.forEach((op) => PRECEDENCE.set(op, level + 1)));

const UNARY_OPERATORS = new Set(['!', '-not', '-bnot', '-', '+', '--', '++', '-split', '-join', '-csplit', '-isplit']);

/** Keywords that start a statement of their own. */
/** Blocks of a workflow: `parallel { }`, `sequence { }`. */
const WORKFLOW_BLOCKS = new Set(['parallel', 'sequence']);
const STATEMENT_KEYWORDS = new Set([
  ...WORKFLOW_BLOCKS,
  'if',
  'while',
  'for',
  'foreach',
  'do',
  'switch',
  'try',
  'trap',
  'function',
  'filter',
  'workflow',
  'configuration',
  'return',
  'throw',
  'exit',
  'break',
  'continue',
  'data',
  'class',
  'enum',
  'using',
  'param',
]);
const NAMED_BLOCKS = new Set(['begin', 'process', 'end', 'dynamicparam', 'clean']);
const IF_CONTINUATIONS = new Set(['elseif', 'else']);
const DO_CONDITIONS = new Set(['while', 'until']);
const TRY_HANDLERS = new Set(['catch', 'finally']);
const ATTRIBUTED_KEYWORDS = new Set(['class', 'enum', 'param', 'configuration']);
const MEMBER_MODIFIERS = new Set(['hidden', 'static']);

/** A point of the parse to come back to: the offset, and how much was found up to it. */
interface Mark {
  readonly pos: number;
  readonly errors: number;
  readonly commands: number;
  readonly assignments: number;
  readonly accessed: number;
  readonly functions: number;
}

/** Parses a whole script. Never throws on any input. */
export function parseScript(text: string): ScriptTree {
  return new ScriptParser(text).parse();
}

/** What was found in the top-level statements parsed since the last call of a `FoundSink`, in document order. */
export interface FoundParts {
  readonly commands: readonly CommandEntry[];
  readonly assignments: readonly AssignmentNode[];
  readonly accessed: readonly VariableNode[];
  readonly functions: readonly FunctionNode[];
}

/**
 * Gets what each top-level statement holds, with the errors found so far (the list grows as the parse goes on). An
 * object's method rather than a function: a closure made for each parse would be another call target for V8 in each
 * lint, and the parser's code optimised for the first would deoptimise in the second.
 */
export interface FoundSink {
  take(found: FoundParts, errors: readonly ParseError[]): void;
}

/**
 * Parses a script and hands what each top-level statement holds to `sink` as soon as the statement is parsed; the
 * statements themselves are not kept (the tree's `body` and its lists of what was found are empty). A large script's
 * tree then never lives whole: kept until read, it was copied by every garbage collection of the young generation
 * during the parse, a quarter of a lint's time (docs/performance.md).
 */
export function parseScriptInto(text: string, sink: FoundSink): ScriptTree {
  return new ScriptParser(text, 0, sink).parse();
}

/**
 * Parses the top-level statements of `text` from `start`, the start of one of them (`ScriptTree.topLevel`: the
 * parser's state is empty there, so what follows parses as it would in the whole script), to the end of the text, or
 * up to the first next statement whose start `stopBefore` accepts. Positions are offsets in the whole text.
 */
export function parseRegion(text: string, start: number, stopBefore: (offset: number) => boolean): RegionTree {
  return new ScriptParser(text).parseRegion(start, stopBefore);
}

class ScriptParser implements NestedParser {
  private readonly t: Tokenizer;
  /**
   * The commands and assignments found, listed in document order without a sort (see `FoundInOrder`; sorting the
   * 20,000 commands of the benchmark's script took 3% of the parse).
   */
  private readonly commands = new FoundInOrder<CommandEntry>();
  private readonly assignments = new FoundInOrder<AssignmentNode>();
  /** The elements of the commands being read (a command's arguments may hold commands of their own). */
  private readonly elementStack = new ListStack<CommandElementNode>();
  /** The statements of the bodies and groups being read. */
  private readonly statementStack = new ListStack<StatementNode>();
  private readonly accessed: VariableNode[] = objectList();
  private readonly functions: FunctionNode[] = objectList();
  /** Whether a comma makes an array here (not between method arguments, attribute arguments or parameters). */
  private commaAllowed = true;
  /** How many constructs around the current point wait for `)`, and for `}`: a closer no one waits for is skipped. */
  private openParens = 0;
  private openCurlies = 0;
  /** Where each top-level statement starts, and how many errors were found before it. */
  private readonly topLevel: { starts: number[]; errorCounts: number[]; reaches: number[] } = { starts: [], errorCounts: [], reaches: [] };
  /** Parsing a region: where to stop, and where it stopped. */
  private stopBefore: ((offset: number) => boolean) | undefined;
  private stopped: { offset: number; errorCount: number } | undefined;

  constructor(
    private readonly text: string,
    private depth = 0,
    /** Given: what each top-level statement holds goes there, and the statements are not kept (`parseScriptInto`). */
    private readonly sink?: FoundSink,
  ) {
    this.t = new Tokenizer(text, this);
  }

  parse(): ScriptTree {
    const body = this.scriptBody(0, Tok.EOF, true);
    return this.tree(body, this.t.errors);
  }

  parseRegion(start: number, stopBefore: (offset: number) => boolean): RegionTree {
    this.stopBefore = stopBefore;
    // At the script's start, its param block and named blocks are read as `parse` reads them.
    const body = start === 0 ? this.scriptBody(0, Tok.EOF, true) : this.statementsFrom(start);
    const end = this.stopped?.offset ?? this.text.length;
    // The errors of the first token after the region (the parser looked at it) belong to the statement it starts.
    const errors = this.stopped ? this.t.errors.slice(0, this.stopped.errorCount) : this.t.errors;
    return { ...this.tree({ ...body, end }, errors), end };
  }

  /** The top-level statements from `start`, a statement's start. */
  private statementsFrom(start: number): ScriptBody {
    this.t.reset(start);
    const statements = this.statementStack;
    const base = statements.size;
    this.statementList(Tok.EOF, statements, true);
    return { start, end: this.t.pos, param: undefined, statements: statements.take(base) };
  }

  private tree(body: ScriptBody, errors: readonly ParseError[]): ScriptTree {
    // (The text's length and not Infinity: offsets stay small integers, which V8's optimised code expects.)
    if (this.sink) this.handOver(this.text.length + 1);
    const commands = this.commands.inDocumentOrder((entry) => entry.node.start);
    const assignments = this.assignments.inDocumentOrder((assignment) => assignment.start);
    const accessed = inOrderOnce(this.accessed);
    const functions = inOrderOnce(this.functions);
    const { starts, reaches } = this.topLevel;
    if (reaches.length < starts.length) reaches.push(this.t.reach());
    return { text: this.text, body, commands, assignments, accessed, functions, comments: this.t.comments, errors, topLevel: this.topLevel };
  }

  // -------------------------------------------------------------------------------------------------------
  // Helpers

  private peek(mode: Mode = 'expression'): Tok {
    return this.t.peek(mode);
  }

  private error(message: string, start = this.t.start, end = this.t.end): void {
    this.t.error(message, start, end);
  }

  /** The current token's text. */
  private tokenText(): string {
    return this.text.slice(this.t.start, this.t.end);
  }

  /** The current token as a message quotes it: a long one cut short. */
  private quotedToken(): string {
    const text = this.tokenText();
    return text.length > 40 ? `${text.slice(0, 40)}…` : text;
  }

  private skipNewlines(mode: Mode = 'expression'): void {
    while (this.peek(mode) === Tok.NewLine) this.t.advance();
  }

  private skipNewlinesAndSemis(mode: Mode = 'command'): void {
    for (let kind = this.peek(mode); kind === Tok.NewLine || kind === Tok.Semi; kind = this.peek(mode)) this.t.advance();
  }

  /**
   * Whether the next word in command mode is one of `words` (then it is the pending token). With `acrossLines`, it
   * may come after newlines, which are then consumed; else nothing is.
   */
  private nextWordIs(words: ReadonlySet<string> | string, acrossLines = false): string | undefined {
    if (acrossLines && !this.t.mayStartOnLaterLine(isAsciiLetter)) return undefined;
    const mark = this.t.pos;
    if (acrossLines) this.skipNewlines('command');
    const word = this.peek('command') === Tok.Word ? keywordOf(this.t.value) : undefined;
    const found = word !== undefined && (typeof words === 'string' ? word === words : words.has(word)) ? word : undefined;
    if (!found && acrossLines) this.t.reset(mark);
    return found;
  }

  /** A point to come back to when what follows turns out to be something else (see `backtrack`). */
  private mark(): Mark {
    return {
      pos: this.t.pos,
      errors: this.t.errors.length,
      commands: this.commands.length,
      assignments: this.assignments.length,
      accessed: this.accessed.length,
      functions: this.functions.length,
    };
  }

  /** Back to a mark: the tokens after it are read again, and what was found since is forgotten. */
  private backtrack(mark: Mark): void {
    this.t.reset(mark.pos);
    this.t.errors.length = mark.errors;
    this.commands.truncate(mark.commands);
    this.assignments.truncate(mark.assignments);
    this.accessed.length = mark.accessed;
    this.functions.length = mark.functions;
  }

  /** A member or element of `target` is used: when it is a variable, its value may be changed in place (`$p.X = 1`). */
  private noteAccess(target: ExpressionNode): void {
    if (target.kind === 'variable') this.accessed.push(target);
  }

  /**
   * Goes one level deeper (`leave` comes back up), or, past MAX_NESTING, skips the construct at hand, reports it and
   * returns the error node to use instead. (No closure per call: this runs for every statement and operand.)
   */
  private enter(): ErrorNode | undefined {
    if (this.depth >= MAX_NESTING) return this.tooDeep();
    this.depth++;
    return undefined;
  }

  private leave(): void {
    this.depth--;
  }

  private tooDeep(): ErrorNode {
    const kind = this.peek('expression');
    const start = this.t.start;
    const opener =
      kind === Tok.LParen || kind === Tok.LCurly || kind === Tok.AtParen || kind === Tok.AtCurly || kind === Tok.DollarParen || kind === Tok.LBracket;
    const end = opener ? this.t.skipBalanced(start) : (this.t.advance(), this.t.end);
    this.t.reset(end);
    this.error(TOO_DEEP, start, Math.min(end, start + 1));
    return { kind: 'error', start, end, nested: NONE };
  }

  // -------------------------------------------------------------------------------------------------------
  // Script bodies and statement lists

  /**
   * A script's, script block's or function's body: a script's to the end of the text, a block's up to its `}`, which
   * is consumed (or reported missing) and is part of it. `top`: the body of the script itself, whose statements are
   * listed in `topLevel` (none when it has named blocks).
   */
  private scriptBody(start: number, closer: Tok.EOF | Tok.RCurly, top = false): ScriptBody {
    this.skipNewlinesAndSemis();
    const param = this.paramBlockIfAny();
    this.skipNewlinesAndSemis();
    const statements = this.statementStack;
    const base = statements.size;
    if (this.nextWordIs(NAMED_BLOCKS) && this.namedBlockFollows()) {
      this.namedBlocks(closer, statements);
    } else {
      this.statementList(closer, statements, top);
    }
    const list = statements.take(base);
    if (closer === Tok.RCurly) this.expectClose(Tok.RCurly, "Missing closing '}' in statement block or type definition.", start);
    // (The text's length read at every call, not only in the script's body: a load run once a lint, before V8 has
    // feedback for it, deoptimised this code in the next lint.)
    const textEnd = this.text.length;
    const end = closer === Tok.EOF ? textEnd : Math.max(this.t.pos, start + 1);
    return { start, end, param, statements: list };
  }

  /** After a named block's keyword: a `{` (else `begin` is a command). */
  private namedBlockFollows(): boolean {
    const mark = this.t.pos;
    this.t.advance();
    this.skipNewlines();
    const follows = this.peek() === Tok.LCurly;
    this.t.reset(mark);
    return follows;
  }

  private namedBlocks(closer: Tok, into: ListStack<StatementNode>): void {
    for (;;) {
      this.skipNewlinesAndSemis();
      const kind = this.peek('command');
      if (kind === closer || kind === Tok.EOF) return;
      const keyword = kind === Tok.Word ? this.t.value.toLowerCase() : '';
      if (!NAMED_BLOCKS.has(keyword)) {
        this.error(`unexpected token '${this.quotedToken()}', expected 'begin', 'process', 'end', 'clean', or 'dynamicparam'.`);
        // Read the rest as statements: what is in them is still checked.
        this.statementList(closer, into);
        return;
      }
      this.t.advance();
      this.skipNewlines();
      const block = this.statementBlock(keyword);
      if (block) into.push(block);
    }
  }

  /**
   * Statements up to `closer` or the end; a closer nothing waits for is reported and skipped. `top`: the statements
   * of the script itself (not of a block in it).
   */
  private statementList(closer: Tok, into: ListStack<StatementNode>, top = false): void {
    for (;;) {
      this.skipNewlinesAndSemis();
      const kind = this.peek('command');
      if (kind === closer || kind === Tok.EOF) return;
      if (top && this.stopBefore?.(this.t.start)) {
        this.stopped = { offset: this.t.start, errorCount: this.t.errorsBeforeToken(this.lastErrorCount()) };
        return;
      }
      if (kind === Tok.RParen || kind === Tok.RCurly) {
        const awaited = kind === Tok.RParen ? this.openParens > 0 : this.openCurlies > 0;
        if (awaited) return;
        this.error(`Unexpected token '${this.quotedToken()}' in expression or statement.`);
        this.t.advance();
        continue;
      }
      const before = this.t.start;
      if (top) {
        // (The statement before this one ends here: what decided it is now known.)
        if (this.topLevel.starts.length > 0) this.topLevel.reaches.push(this.t.reach());
        this.topLevel.starts.push(before);
        this.topLevel.errorCounts.push(this.t.errorsBeforeToken(this.lastErrorCount()));
        if (this.sink) this.handOver(before);
      }
      const statement = this.statement();
      if (statement && !(top && this.sink)) into.push(statement);
      if (this.t.start === before && this.peek('command') === kind && !statement) {
        // Nothing read: skip the token so that the loop moves on.
        this.error(`Unexpected token '${this.quotedToken()}' in expression or statement.`);
        this.t.advance();
      }
    }
  }

  /** How many errors came before the last top-level statement recorded (0 before the first). */
  private lastErrorCount(): number {
    const counts = this.topLevel.errorCounts;
    return counts.length > 0 ? counts[counts.length - 1] : 0;
  }

  /** `{ statements }` as the body of a statement: a compound statement node named after `keyword`. */
  private statementBlock(keyword: string): CompoundStatementNode | undefined {
    const block = this.scriptBlockIfAny();
    if (!block) return undefined;
    return { kind: 'statement', keyword, start: block.start, end: block.end, children: [block] };
  }

  // -------------------------------------------------------------------------------------------------------
  // Statements

  private statement(): StatementNode | undefined {
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const statement = this.statementNode();
    this.leave();
    return statement;
  }

  private statementNode(): StatementNode | undefined {
    const kind = this.peek('command');
    if (kind === Tok.Word) {
      const word = keywordOf(this.t.value);
      // (`Filter = "…"` in a DSC resource block is a property, not a keyword.)
      if (word !== undefined && STATEMENT_KEYWORDS.has(word) && !this.assignmentFollows(this.t.end)) {
        const keywordStatement = this.keywordStatement(word);
        if (keywordStatement) return keywordStatement;
      }
    } else if (kind === Tok.Label) {
      return this.labeled();
    }
    if (this.text.charCodeAt(this.t.start) === 91 /* [ */ && this.peek('expression') === Tok.LBracket) {
      const declaration = this.attributedDeclaration();
      if (declaration) return declaration;
    }
    return this.pipelineChain();
  }

  /** Whether `=` (not `==`) comes next after blanks on the line. */
  private assignmentFollows(offset: number): boolean {
    const text = this.text;
    let at = offset;
    while (text[at] === ' ' || text[at] === '\t') at++;
    return text[at] === '=' && text[at + 1] !== '=';
  }

  /** A statement that starts with a keyword; undefined when the word is a command after all (`foreach` without `(`). */
  private keywordStatement(keyword: string): StatementNode | undefined {
    const start = this.t.start;
    switch (keyword) {
      case 'if':
        return this.ifStatement(start);
      case 'while':
        this.t.advance();
        return this.conditionLoop('while', start);
      case 'for':
        return this.forStatement(start);
      case 'foreach':
        return this.foreachStatement(start);
      case 'do':
        return this.doStatement(start);
      case 'switch':
        return this.switchStatement(start);
      case 'try':
        return this.tryStatement(start);
      case 'trap':
      case 'data':
        return this.blockWithArguments(keyword, start);
      case 'function':
      case 'filter':
      case 'workflow':
      case 'configuration':
        return this.functionStatement(keyword, start);
      case 'return':
      case 'throw':
      case 'exit':
      case 'break':
      case 'continue':
        return this.flowStatement(keyword, start);
      case 'class':
      case 'enum':
        return this.typeDefinition(keyword, start, []);
      case 'using':
        return this.usingStatement(start);
      case 'param':
        return this.paramBlockIfAny() ?? undefined;
      case 'parallel':
      case 'sequence':
        if (!this.namedBlockFollows()) return undefined;
        this.peek('command');
        this.t.advance();
        this.skipNewlines();
        return this.statementBlock(keyword);
      default:
        return undefined;
    }
  }

  /** A compound statement from `start` to its last child, or to `end` (its keyword's end) when that is later. */
  private compound(keyword: string, start: number, children: SyntaxNode[], end = start + keyword.length): CompoundStatementNode {
    const last = children[children.length - 1];
    return { kind: 'statement', keyword, start, end: last ? Math.max(last.end, end) : end, children: settled(children) };
  }

  /** `:name` before a loop. */
  private labeled(): StatementNode {
    const start = this.t.start;
    const labelEnd = this.t.end;
    this.t.advance();
    this.skipNewlines();
    const statement = this.statement();
    return this.compound('label', start, statement ? [statement] : [], labelEnd);
  }

  /** `( pipeline )` after a keyword, with the keyword's errors; the pipeline, or undefined when missing. */
  private parenthesizedCondition(keyword: string, children: SyntaxNode[]): boolean {
    this.skipNewlines();
    if (this.peek() !== Tok.LParen) {
      this.error(
        keyword === 'if' || keyword === 'elseif' ? `Missing '(' after '${keyword}' in if statement.` : `Missing opening '(' after keyword '${keyword}'.`,
      );
      return false;
    }
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    try {
      this.skipNewlines();
      const condition = this.peek('command') === Tok.RParen ? undefined : this.statement();
      if (condition) children.push(condition);
      else if (keyword === 'if' || keyword === 'elseif') this.error(`Missing condition in if statement after '${keyword} ('.`, open, open + 1);
      this.skipNewlines();
      return this.expectClose(Tok.RParen, `Missing closing ')' after expression in '${keyword}' statement.`, open);
    } finally {
      this.openParens--;
    }
  }

  /** Consumes `closer`, or reports `message` (at the opening bracket) and leaves the token to the enclosing construct. */
  private expectClose(closer: Tok, message: string, open: number): boolean {
    if (this.peek('command') === closer) {
      this.t.advance();
      return true;
    }
    this.error(message, open, open + 1);
    return false;
  }

  /** A script block that must follow, else `missing` is reported. */
  private requiredBlock(missing: string, children: SyntaxNode[]): void {
    this.skipNewlines();
    const block = this.scriptBlockIfAny();
    if (block) children.push(block);
    else this.error(missing);
  }

  private ifStatement(start: number): CompoundStatementNode {
    const children: SyntaxNode[] = [];
    let keyword = 'if';
    for (;;) {
      this.t.advance();
      if (this.parenthesizedCondition(keyword, children)) this.requiredBlock(`Missing statement block after ${keyword} ( condition ).`, children);
      const next = this.nextWordIs(IF_CONTINUATIONS, true);
      if (next === 'elseif') {
        keyword = 'elseif';
        continue;
      }
      if (next === 'else') {
        this.t.advance();
        this.requiredBlock("Missing statement block after 'else' keyword.", children);
      }
      return this.compound('if', start, children);
    }
  }

  /** `while ( … ) { … }` after the keyword. */
  private conditionLoop(keyword: string, start: number): CompoundStatementNode {
    const children: SyntaxNode[] = [];
    if (this.parenthesizedCondition(keyword, children)) this.requiredBlock(`Missing statement body in ${keyword} loop.`, children);
    return this.compound(keyword, start, children);
  }

  private forStatement(start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    this.skipNewlines();
    if (this.peek() !== Tok.LParen) {
      this.error("Missing opening '(' after keyword 'for'.");
      return this.compound('for', start, children);
    }
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    try {
      // Three optional pipelines, apart by `;` or newlines.
      for (let part = 0; part < 3; part++) {
        this.skipNewlines();
        const kind = this.peek('command');
        if (kind === Tok.RParen || kind === Tok.EOF) break;
        if (kind !== Tok.Semi) {
          const statement = this.statement();
          if (statement) children.push(statement);
        }
        if (this.peek('command') === Tok.Semi) this.t.advance();
      }
      this.skipNewlines();
      if (!this.expectClose(Tok.RParen, "Missing closing ')' after expression in 'for' statement.", open)) return this.compound('for', start, children);
    } finally {
      this.openParens--;
    }
    this.requiredBlock('Missing statement body in for loop.', children);
    return this.compound('for', start, children);
  }

  /** `foreach [-parallel] ($x in …) { … }`; undefined when no `(` or flag follows (then it is the alias of ForEach-Object). */
  private foreachStatement(start: number): CompoundStatementNode | undefined {
    const mark = this.mark();
    this.t.advance();
    const children: SyntaxNode[] = [];
    while (this.peek('command') === Tok.Parameter) {
      const flag = this.t.value.toLowerCase();
      this.t.advance();
      if (flag === 'throttlelimit') {
        const limit = this.commandArgument();
        if (limit) children.push(limit);
      }
    }
    this.skipNewlines();
    if (this.peek() !== Tok.LParen) {
      this.backtrack(mark);
      return undefined;
    }
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    try {
      this.skipNewlines();
      if (this.peek() === Tok.Variable) {
        children.push(this.variableNode());
      } else {
        this.error('Missing variable name after foreach.');
      }
      this.skipNewlines('command');
      if (this.nextWordIs('in')) this.t.advance();
      else this.error("Missing 'in' after variable in foreach loop.");
      this.skipNewlines();
      const collection = this.peek('command') === Tok.RParen ? undefined : this.statement();
      if (collection) children.push(collection);
      else this.error('Missing expression in foreach loop.');
      this.skipNewlines();
      if (!this.expectClose(Tok.RParen, "Missing closing ')' after expression part of foreach loop.", open)) return this.compound('foreach', start, children);
    } finally {
      this.openParens--;
    }
    this.requiredBlock('Missing statement body in foreach loop.', children);
    return this.compound('foreach', start, children);
  }

  private doStatement(start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    this.requiredBlock('Missing statement body in do loop.', children);
    const keyword = this.nextWordIs(DO_CONDITIONS, true);
    if (!keyword) {
      this.error('Missing while or until keyword in do loop.');
      return this.compound('do', start, children);
    }
    this.t.advance();
    this.parenthesizedCondition(keyword, children);
    return this.compound('do', start, children);
  }

  private switchStatement(start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    let file = false;
    while (this.peek('command') === Tok.Parameter) {
      const flag = this.t.value.toLowerCase();
      this.t.advance();
      if ('file'.startsWith(flag) && flag.length > 0) {
        file = true;
        const path = this.singleArgument();
        if (path) children.push(path);
      }
    }
    this.skipNewlines();
    if (!file || this.peek() === Tok.LParen) {
      if (!this.parenthesizedCondition('switch', children)) return this.compound('switch', start, children);
    }
    this.skipNewlines();
    if (this.peek() !== Tok.LCurly) {
      this.error("Missing '{' in switch statement.");
      return this.compound('switch', start, children);
    }
    const open = this.t.start;
    this.t.advance();
    this.openCurlies++;
    try {
      for (;;) {
        this.skipNewlinesAndSemis();
        const kind = this.peek('command');
        if (kind === Tok.RCurly || kind === Tok.EOF || kind === Tok.RParen) break;
        const condition = this.singleArgument();
        if (!condition) {
          this.error('Missing condition in switch statement clause.');
          this.t.advance();
          continue;
        }
        children.push(condition);
        this.requiredBlock('Missing statement block in switch statement clause.', children);
      }
      this.expectClose(Tok.RCurly, "Missing closing '}' in statement block or type definition.", open);
    } finally {
      this.openCurlies--;
    }
    return this.compound('switch', start, children);
  }

  private tryStatement(start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    this.requiredBlock('The Try statement is missing its statement block.', children);
    let handlers = 0;
    for (let keyword = this.nextWordIs(TRY_HANDLERS, true); keyword; keyword = this.nextWordIs(TRY_HANDLERS, true)) {
      this.t.advance();
      handlers++;
      if (keyword === 'catch') {
        // catch [T1], [T2] { } (newlines allowed around the commas)
        for (this.skipNewlines(); this.peek() === Tok.LBracket; this.skipNewlines()) {
          children.push(this.bracketed());
          this.skipNewlines();
          if (this.peek() !== Tok.Comma) break;
          this.t.advance();
        }
        this.requiredBlock('The Catch block is missing its statement block.', children);
      } else {
        this.requiredBlock('The Finally block is missing its statement block.', children);
        break;
      }
    }
    if (handlers === 0) this.error('The Try statement is missing its Catch or Finally block.', start, start + 3);
    return this.compound('try', start, children);
  }

  /** `trap [T] { }`, `data [name] [-SupportedCommand a, b] { }`: arguments, then a block. */
  private blockWithArguments(keyword: string, start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    for (;;) {
      const kind = this.peek('command');
      if (kind === Tok.LCurly || kind === Tok.NewLine || kind === Tok.EOF || kind === Tok.Semi || kind === Tok.RCurly || kind === Tok.RParen) break;
      if (kind === Tok.Parameter) {
        this.t.advance();
        continue;
      }
      if (this.peek('expression') === Tok.LBracket) {
        children.push(this.bracketed());
        continue;
      }
      const argument = this.commandArgument();
      if (!argument) break;
      children.push(argument);
    }
    this.requiredBlock(`Missing statement block after '${keyword}'.`, children);
    return this.compound(keyword, start, children);
  }

  private flowStatement(keyword: string, start: number): CompoundStatementNode {
    this.t.advance();
    const kind = this.peek('command');
    const ends = kind === Tok.NewLine || kind === Tok.Semi || kind === Tok.EOF || kind === Tok.RCurly || kind === Tok.RParen || kind === Tok.Pipe;
    const children: SyntaxNode[] = [];
    if (!ends) {
      const value = keyword === 'break' || keyword === 'continue' ? this.singleArgument() : this.pipelineChain();
      if (value) children.push(value);
    }
    return this.compound(keyword, start, children);
  }

  /** `using namespace X`, `using module X`, `using assembly X`: read as words. */
  private usingStatement(start: number): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [];
    for (let kind = this.peek('command'); kind !== Tok.NewLine && kind !== Tok.Semi && kind !== Tok.EOF && kind !== Tok.RCurly; kind = this.peek('command')) {
      const argument = kind === Tok.Parameter ? undefined : this.commandArgument();
      if (argument) children.push(argument);
      else this.t.advance();
    }
    return this.compound('using', start, children);
  }

  // -------------------------------------------------------------------------------------------------------
  // Functions, param blocks, attributes, classes

  private functionStatement(keyword: string, start: number): FunctionNode {
    this.t.advance();
    this.skipNewlines('command');
    const kind = this.peek('command');
    let name = '';
    let nameSpan = { start: this.t.start, end: this.t.start };
    if (kind === Tok.Word || kind === Tok.String || kind === Tok.Number || kind === Tok.Parameter || kind === Tok.Variable) {
      name = kind === Tok.String ? (this.t.literal ?? this.tokenText()) : this.tokenText();
      nameSpan = { start: this.t.start, end: this.t.end };
      this.t.advance();
    } else {
      this.error(`Missing name after ${keyword} keyword.`);
    }
    this.skipNewlines();
    let parameters: readonly ParameterDeclarationNode[] = NONE;
    if (this.peek() === Tok.LParen) {
      parameters = this.parameterList("Missing ')' in function parameter list.");
      this.skipNewlines();
    }
    const block = this.peek() === Tok.LCurly ? this.scriptBlockIfAny() : undefined;
    if (!block && name) this.error('Missing function body in function declaration.');
    const end = block?.end ?? Math.max(nameSpan.end, start + keyword.length, this.t.pos);
    const definition: FunctionNode = {
      kind: 'function',
      keyword,
      name,
      nameSpan,
      parameters,
      body: block && block.kind === 'script-block' ? block.body : undefined,
      start,
      end,
    };
    this.functions.push(definition);
    return definition;
  }

  /** `( [attr] [type] $a = default, … )` of a param block or a function. */
  private parameterList(missingClose: string): readonly ParameterDeclarationNode[] {
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    const parameters: ParameterDeclarationNode[] = [];
    try {
      for (;;) {
        this.skipNewlines();
        const kind = this.peek();
        if (kind === Tok.RParen || kind === Tok.EOF || kind === Tok.RCurly) break;
        const parameter = this.withoutComma(() => this.parameterDeclaration());
        if (parameter) parameters.push(parameter);
        this.skipNewlines();
        if (this.peek() === Tok.Comma) {
          this.t.advance();
          continue;
        }
        if (this.peek() !== Tok.RParen) {
          if (!parameter && this.peek() !== Tok.EOF) this.t.advance();
          else break;
        }
      }
      this.expectClose(Tok.RParen, missingClose, open);
    } finally {
      this.openParens--;
    }
    return settled(parameters);
  }

  private parameterDeclaration(): ParameterDeclarationNode | undefined {
    this.skipNewlines();
    const start = this.t.start;
    const attributes: AttributeNode[] = [];
    for (; this.peek() === Tok.LBracket; this.skipNewlines()) attributes.push(this.bracketed());
    if (this.peek() !== Tok.Variable) {
      this.error(
        attributes.length > 0 ? 'Missing variable name after the attributes of a parameter.' : `Unexpected token '${this.quotedToken()}' in parameter list.`,
      );
      return undefined;
    }
    const variable = this.variableNode();
    let defaultValue: ExpressionNode | StatementNode | undefined;
    if (this.peek() === Tok.Assign && this.t.value === '=') {
      this.t.advance();
      this.skipNewlines();
      defaultValue = this.expression();
      if (!defaultValue) this.error("Missing expression after '='.");
    }
    return { kind: 'parameter-declaration', start, end: defaultValue?.end ?? variable.end, attributes: settled(attributes), variable, defaultValue };
  }

  /** `[attributes] param( … )`, when the text at hand is one; else nothing is consumed. */
  private paramBlockIfAny(): ParamBlockNode | undefined {
    if (!this.t.mayStartOnLaterLine(startsParamBlock)) return undefined;
    const mark = this.mark();
    this.skipNewlines();
    const start = this.t.start;
    const attributes: AttributeNode[] = [];
    for (; this.peek() === Tok.LBracket; this.skipNewlines()) attributes.push(this.bracketed());
    if (this.nextWordIs('param')) {
      this.t.advance();
      this.skipNewlines();
      if (this.peek() === Tok.LParen) {
        const parameters = this.parameterList("Missing ')' in function parameter list.");
        return { kind: 'param-block', start, end: this.t.pos, attributes: settled(attributes), parameters };
      }
    }
    this.backtrack(mark);
    return undefined;
  }

  /** `[attributes] class|enum|param|configuration …` at a statement's start; undefined when it is an expression. */
  private attributedDeclaration(): StatementNode | undefined {
    const mark = this.mark();
    const attributes: AttributeNode[] = [];
    for (this.skipNewlines(); this.peek() === Tok.LBracket; this.skipNewlines()) attributes.push(this.bracketed());
    const keyword = this.nextWordIs(ATTRIBUTED_KEYWORDS);
    if (keyword === 'class' || keyword === 'enum') return this.typeDefinition(keyword, attributes[0]?.start ?? this.t.start, attributes);
    if (keyword === 'configuration') return this.functionStatement(keyword, attributes[0]?.start ?? this.t.start);
    this.backtrack(mark);
    if (keyword === 'param') return this.paramBlockIfAny();
    return undefined;
  }

  /** `class Name : Base { members }`, `enum Name { A; B = 1 }`. */
  private typeDefinition(keyword: string, start: number, attributes: AttributeNode[]): CompoundStatementNode {
    this.t.advance();
    const children: SyntaxNode[] = [...attributes];
    this.skipNewlines('command');
    if (this.peek('command') === Tok.Word) this.t.advance();
    else this.error(`Missing name after ${keyword} keyword.`);
    this.baseTypes();
    if (this.peek() !== Tok.LCurly) {
      this.error(`Missing '{' in ${keyword} definition.`);
      return this.compound(keyword, start, children);
    }
    const open = this.t.start;
    this.t.advance();
    this.openCurlies++;
    try {
      for (;;) {
        this.skipNewlinesAndSemis('expression');
        const kind = this.peek();
        if (kind === Tok.RCurly || kind === Tok.EOF) break;
        const before = this.t.start;
        const member = keyword === 'enum' ? this.enumMember() : this.classMember();
        if (member) children.push(member);
        if (this.t.start === before) {
          this.error(`Unexpected token '${this.quotedToken()}' in ${keyword} definition.`);
          this.t.advance();
        }
      }
      this.expectClose(Tok.RCurly, "Missing closing '}' in statement block or type definition.", open);
    } finally {
      this.openCurlies--;
    }
    return this.compound(keyword, start, children);
  }

  /** `: Base, IInterface` (or `: int` of an enum), which may spread over lines around `:` and `,`. */
  private baseTypes(): void {
    let more = false;
    for (;;) {
      this.skipNewlines('command');
      const kind = this.peek('command');
      if (kind === Tok.LCurly || kind === Tok.EOF || kind === Tok.RCurly) return;
      const text = this.tokenText();
      const separator = text === ':' || text === ',' || kind === Tok.Comma;
      if (!separator && !more && kind !== Tok.Label) return;
      this.t.advance();
      more = separator || text.endsWith(',') || text.endsWith(':');
    }
  }

  /** `Name` or `Name = value` of an enum. */
  private enumMember(): SyntaxNode | undefined {
    for (; this.peek() === Tok.LBracket; this.skipNewlines()) this.bracketed();
    if (this.peek() !== Tok.Word) return undefined;
    this.t.advance();
    if (this.peek() !== Tok.Assign) return undefined;
    this.t.advance();
    return this.expression();
  }

  /** A property (`[attr] hidden static [type] $x = value`) or a method (`[type] Name([type] $a) : base() { }`). */
  private classMember(): SyntaxNode | undefined {
    const children: SyntaxNode[] = [];
    this.skipNewlines();
    const start = this.t.start;
    for (;;) {
      this.skipNewlines();
      if (this.peek() === Tok.LBracket) {
        children.push(this.bracketed());
        continue;
      }
      if (this.nextWordIs(MEMBER_MODIFIERS)) {
        this.t.advance();
        continue;
      }
      break;
    }
    const kind = this.peek();
    if (kind === Tok.Variable) {
      const variable = this.variableNode();
      children.push(variable);
      if (this.peek() === Tok.Assign) {
        this.t.advance();
        this.skipNewlines();
        const value = this.statement();
        if (value) children.push(value);
      }
      return this.compound('property', start, children, variable.end);
    }
    if (kind === Tok.Word) {
      const nameEnd = this.t.end;
      this.t.advance();
      if (this.peek() === Tok.LParen) children.push(...this.parameterList("Missing ')' in method parameter list."));
      // `: base(…)` of a constructor.
      this.skipNewlines();
      if (this.peek() === Tok.Colon) {
        // `: base(arguments)` of a constructor.
        this.t.advance();
        this.skipNewlines();
        if (this.peek() === Tok.Word) this.t.advance();
        this.skipNewlines();
        if (this.peek() === Tok.LParen) children.push(...this.methodArguments());
      }
      this.requiredBlock('Missing function body in function declaration.', children);
      return this.compound('method', start, children, nameEnd);
    }
    return children.length > 0 ? this.compound('property', start, children, children[children.length - 1].end) : undefined;
  }

  /**
   * `[type]` or `[Attribute(arguments)]`. The name runs to the matching `]` (generic arguments and array ranks
   * nest: `[System.Collections.Generic.List[string]]`, `[string[]]`).
   */
  private bracketed(): AttributeNode {
    const start = this.t.start;
    const text = this.text;
    let at = start + 1;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    const nameStart = at;
    let depth = 0;
    for (; at < text.length; at++) {
      const c = text[at];
      if (c === '[') depth++;
      else if (c === ']') {
        if (depth === 0) break;
        depth--;
      } else if (
        depth === 0 &&
        (c === '(' || c === '\n' || c === '\r' || c === '{' || c === '}' || c === ')' || c === '$' || c === '"' || c === "'" || c === ';' || c === '|')
      )
        break;
    }
    const name = text.slice(nameStart, at).trim();
    if (!name) this.error("Missing type name after '['.", start, start + 1);
    this.t.reset(at);
    const args: SyntaxNode[] = [];
    if (text[at] === '(') this.attributeArguments(args);
    if (this.peek() === Tok.RBracket) {
      this.t.advance();
    } else {
      this.error('Missing ] at end of attribute or type literal.', start, start + 1);
    }
    return { kind: 'attribute', start, end: this.t.pos, name, arguments: settled(args) };
  }

  /** `(Mandatory, Position = 0, HelpMessage = "x")`. */
  private attributeArguments(into: SyntaxNode[]): void {
    const open = this.t.pos;
    this.t.reset(open + 1);
    this.openParens++;
    try {
      for (;;) {
        this.skipNewlines();
        const kind = this.peek();
        if (kind === Tok.RParen || kind === Tok.EOF) break;
        const before = this.t.start;
        // `Mandatory`, `Position = 0`: a name (of a property of the attribute), or a positional expression.
        const argument = kind === Tok.Word ? this.bareToken() : this.withoutComma(() => this.expression());
        if (argument) into.push(argument);
        this.skipNewlines();
        if (this.peek() === Tok.Assign) {
          this.t.advance();
          this.skipNewlines();
          const value = this.withoutComma(() => this.expression());
          if (value) into.push(value);
          else this.error("Missing expression after '='.");
        }
        this.skipNewlines();
        if (this.peek() === Tok.Comma) this.t.advance();
        else if (this.peek() !== Tok.RParen) {
          if (this.t.start === before || this.peek() !== Tok.EOF) this.error(`Unexpected token '${this.quotedToken()}' in attribute arguments.`);
          break;
        }
      }
      this.expectClose(Tok.RParen, "Missing ')' in the attribute's argument list.", open);
    } finally {
      this.openParens--;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Pipelines

  /** Pipelines joined by `&&` and `||`. */
  private pipelineChain(): StatementNode | undefined {
    let left = this.pipelineOrAssignment();
    if (!left) return undefined;
    for (let kind = this.peek('command'); kind === Tok.AndAnd || kind === Tok.OrOr; kind = this.peek('command')) {
      const operator = kind === Tok.AndAnd ? '&&' : '||';
      this.t.advance();
      this.skipNewlines();
      const right = this.pipelineOrAssignment();
      if (!right) {
        this.error(`Missing expression after '${operator}'.`);
        return left;
      }
      left = { kind: 'chain', operator, left, right, start: left.start, end: right.end };
    }
    return left;
  }

  private pipelineOrAssignment(): StatementNode | undefined {
    // (Most pipelines hold one element: the first is kept apart, and a list is made for the others when there are.)
    let first: PipelineElementNode | undefined;
    let others: PipelineElementNode[] | undefined;
    let background = false;
    for (;;) {
      const element = this.pipelineElement(first === undefined);
      if (element && first === undefined) {
        first = element;
      } else if (element) {
        if (element.kind === 'expression-element') {
          this.error('Expressions are only allowed as the first element of a pipeline.', element.start, element.end);
        }
        (others ??= []).push(element);
      }
      // An assignment: an expression, then `=` (or `+=` …), then a statement.
      if (element === first && others === undefined && element?.kind === 'expression-element' && this.peek() === Tok.Assign) {
        return this.assignment(element.expression);
      }
      const kind = this.peek('command');
      if (kind === Tok.Pipe) {
        const pipe = this.t.start;
        this.t.advance();
        this.skipNewlines('command');
        if (!element) this.error('An empty pipe element is not allowed.', pipe, pipe + 1);
        if (this.peek('command') === Tok.EOF) {
          this.error('An empty pipe element is not allowed.', pipe, pipe + 1);
          break;
        }
        continue;
      }
      if (kind === Tok.NewLine && this.pipeOnNextLine()) continue;
      if (kind === Tok.Ampersand) {
        this.t.advance();
        background = true;
        break;
      }
      if (
        kind === Tok.NewLine ||
        kind === Tok.Semi ||
        kind === Tok.EOF ||
        kind === Tok.RCurly ||
        kind === Tok.RParen ||
        kind === Tok.AndAnd ||
        kind === Tok.OrOr
      )
        break;
      // Anything else ends the statement with an error; what follows on the line is read for what it holds.
      const rest = this.unexpectedRest();
      if (rest && first === undefined) first = rest;
      else if (rest) (others ??= []).push(rest);
      break;
    }
    if (first === undefined) return undefined;
    // (Most statements are one command or expression: no pipeline node and list around each, a tenth of a parse's
    // memory.)
    if (!others && !background) return first;
    const end = others ? others[others.length - 1].end : first.end;
    return { kind: 'pipeline', start: first.start, end, elements: others ? [first, ...others] : [first], background };
  }

  /** A newline, then (after blank lines and comments) a `|` that continues the pipeline (PowerShell 7). */
  private pipeOnNextLine(): boolean {
    if (!this.t.mayStartOnLaterLine(isPipe)) return false;
    const mark = this.t.pos;
    this.skipNewlines('command');
    if (this.peek('command') === Tok.Pipe) {
      this.t.advance();
      this.skipNewlines('command');
      return true;
    }
    this.t.reset(mark);
    return false;
  }

  /** Reports the unexpected token, then reads what the rest of the statement holds (commands in blocks included), as an error element. */
  private unexpectedRest(): ExpressionStatementNode | undefined {
    this.error(`Unexpected token '${this.quotedToken()}' in expression or statement.`);
    const start = this.t.start;
    const nested: SyntaxNode[] = [];
    for (;;) {
      const kind = this.peek('command');
      if (kind === Tok.NewLine || kind === Tok.Semi || kind === Tok.EOF || kind === Tok.RCurly || kind === Tok.RParen || kind === Tok.Pipe) break;
      const before = this.t.start;
      const argument = kind === Tok.Parameter ? this.parameter(false) : this.commandArgument();
      if (argument) nested.push(argument);
      if (this.t.start === before && this.peek('command') === kind) this.t.advance();
    }
    if (this.t.start > start) {
      const error: ErrorNode = { kind: 'error', start, end: nested.length > 0 ? nested[nested.length - 1].end : this.t.pos, nested: settled(nested) };
      return { kind: 'expression-element', start, end: error.end, expression: error, redirections: NONE };
    }
    return undefined;
  }

  private assignment(target: ExpressionNode): StatementNode {
    const place = this.assignments.reserve(target.start);
    const operator = this.t.value;
    const operatorStart = this.t.start;
    this.t.advance();
    this.skipNewlines();
    const value = this.statement();
    if (!value) {
      this.error(`You must provide a value expression following the '${operator}' operator.`, operatorStart, operatorStart + operator.length);
      const end = operatorStart + operator.length;
      return this.recorded(place, { kind: 'assignment', target, operator, value: errorAt(end), start: target.start, end });
    }
    return this.recorded(place, { kind: 'assignment', target, operator, value, start: target.start, end: value.end });
  }

  private recorded(place: number, assignment: AssignmentNode): AssignmentNode {
    this.assignments.fill(place, assignment);
    return assignment;
  }

  /** A command, or an expression (only the first element of a pipeline may be one). */
  private pipelineElement(first: boolean): CommandNode | ExpressionStatementNode | undefined {
    // A word that starts with a letter, as scanned already in command mode, names a command in either mode.
    if (this.t.pendingKind() === Tok.Word && this.t.pendingMode() === 'command' && isLetterStart(this.text.charCodeAt(this.t.start)))
      return this.command(!first);
    const kind = this.peek('expression');
    if (first || kind !== Tok.Word) {
      if (this.startsExpression(kind)) {
        const start = this.t.start;
        const expression = this.expression();
        if (expression) {
          const redirections = this.redirections();
          return {
            kind: 'expression-element',
            start,
            end: redirections.length > 0 ? redirections[redirections.length - 1].end : expression.end,
            expression,
            redirections,
          };
        }
        this.t.reset(start);
      }
    }
    return this.command(!first);
  }

  /** Whether a token of expression mode starts an expression (a word does not: it names a command). */
  private startsExpression(kind: Tok): boolean {
    switch (kind) {
      case Tok.Variable:
      case Tok.Number:
      case Tok.String:
      case Tok.LParen:
      case Tok.DollarParen:
      case Tok.AtParen:
      case Tok.AtCurly:
      case Tok.LCurly:
      case Tok.LBracket:
      case Tok.Comma:
        return true;
      case Tok.Operator:
        return UNARY_OPERATORS.has(this.t.value);
      default:
        return false;
    }
  }

  private redirections(): readonly RedirectionNode[] {
    // (Most elements have none: no list is made for them.)
    if (this.peek('command') !== Tok.Redirection) return NONE;
    const found: RedirectionNode[] = [];
    while (this.peek('command') === Tok.Redirection) found.push(this.redirection());
    return settled(found);
  }

  private redirection(): RedirectionNode {
    const start = this.t.start;
    const operator = this.t.value;
    this.t.advance();
    if (operator === '<') {
      this.error("The '<' operator is reserved for future use.", start, start + 1);
    }
    if (operator.includes('&')) return { kind: 'redirection', start, end: start + operator.length, operator, target: undefined };
    const target = this.singleArgument();
    if (!target) this.error('Missing file specification after redirection operator.', start, start + operator.length);
    return { kind: 'redirection', start, end: target?.end ?? start + operator.length, operator, target };
  }

  // -------------------------------------------------------------------------------------------------------
  // Commands

  private command(piped: boolean): CommandNode | undefined {
    let kind = this.peek('command');
    const start = this.t.start;
    const place = this.commands.reserve(start);
    let invocation: '&' | '.' | undefined;
    if (kind === Tok.Ampersand || kind === Tok.Dot) {
      invocation = kind === Tok.Ampersand ? '&' : '.';
      this.t.advance();
      kind = this.peek('command');
    }
    let name: ExpressionNode | undefined;
    if (kind === Tok.Parameter || kind === Tok.Label || kind === Tok.DashDash || kind === Tok.LBracket) {
      name = this.bareToken();
    } else if (!isCommandEnd(kind) && kind !== Tok.Comma) {
      name = this.singleArgument();
    }
    if (!name) {
      if (invocation) this.error(`Missing expression after '${invocation}' in pipeline element.`, start, start + 1);
      return undefined;
    }
    const elements = this.commandElements();
    const last = elements[elements.length - 1] ?? name;
    const node: CommandNode = { kind: 'command', start, end: last.end, invocation, name, elements };
    this.commands.fill(place, { node, piped });
    return node;
  }

  private commandElements(): readonly CommandElementNode[] {
    const elements = this.elementStack;
    const base = elements.size;
    let parametersEnded = false;
    for (;;) {
      const kind = this.peek('command');
      if (isCommandEnd(kind)) return elements.take(base);
      switch (kind) {
        case Tok.DashDash:
          if (parametersEnded) elements.push(this.bareToken());
          else this.t.advance();
          parametersEnded = true;
          break;
        case Tok.Comma:
          this.error('Missing argument in parameter list.');
          this.t.advance();
          this.skipNewlines('command');
          break;
        case Tok.Parameter:
          elements.push(parametersEnded ? this.bareToken() : this.parameter(true));
          break;
        case Tok.Redirection:
          elements.push(this.redirection());
          break;
        default: {
          const stop = this.t.value === '--%' && kind === Tok.Word;
          const argument = stop ? this.bareToken() : this.commandArgument();
          if (!argument) {
            this.error(`Unexpected token '${this.quotedToken()}' in expression or statement.`);
            this.t.advance();
            break;
          }
          elements.push(argument);
          const verbatim = stop ? this.verbatimRest() : undefined;
          if (verbatim) elements.push(verbatim);
        }
      }
    }
  }

  /** After `--%`: the rest of the line, as one verbatim argument. */
  private verbatimRest(): StringNode | undefined {
    const text = this.text;
    let at = this.t.pos;
    while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
    const start = at;
    // To the line's end, a `|` or a `&&` / `||` outside double quotes.
    for (let quoted = false; at < text.length && text[at] !== '\n' && text[at] !== '\r'; at++) {
      const c = text[at];
      if (c === '"') quoted = !quoted;
      else if (!quoted && (c === '|' || (c === '&' && text[at + 1] === '&'))) break;
    }
    this.t.reset(at);
    return at > start ? bareString(start, at, text.slice(start, at)) : undefined;
  }

  /** A token read as a bare word (`--` after `--`, a parameter after `--`, a redirection as a name). */
  private bareToken(): StringNode {
    const node = bareString(this.t.start, this.t.end, this.tokenText());
    this.t.advance();
    return node;
  }

  /** `-Name`, and with `-Name:value` its value. */
  private parameter(withArgument: boolean): ParameterNode {
    const start = this.t.start;
    const name = this.t.value;
    const colon = this.t.flag;
    const dash = this.t.literal ?? '-';
    const tokenEnd = this.t.end;
    this.t.advance();
    let argument: ExpressionNode | undefined;
    if (colon && withArgument) {
      const kind = this.peek('command');
      argument = isCommandEnd(kind) || kind === Tok.Comma ? undefined : this.commandArgument();
      if (!argument) this.error(`Parameter -${name} requires an argument.`, start, tokenEnd);
    }
    return { kind: 'parameter', start, end: argument?.end ?? tokenEnd, name, dash, colon, argument };
  }

  /** An argument with what a comma joins to it (`a, b`, `a,b` is one array argument). */
  private commandArgument(): ExpressionNode | undefined {
    const first = this.singleArgument();
    if (!first || this.peek('command') !== Tok.Comma) return first;
    const elements: ExpressionNode[] = [first];
    while (this.peek('command') === Tok.Comma) {
      const comma = this.t.start;
      this.t.advance();
      this.skipNewlines('command');
      const kind = this.peek('command');
      const next = isCommandEnd(kind) || kind === Tok.Comma || kind === Tok.Parameter ? undefined : this.singleArgument();
      if (!next) {
        this.error("Missing expression after ','.", comma, comma + 1);
        break;
      }
      elements.push(next);
    }
    const array: ArrayLiteralNode = { kind: 'array-literal', start: first.start, end: elements[elements.length - 1].end, elements: settled(elements) };
    return array;
  }

  /** One argument in command mode: a bare word, a number, or an expression with its member accesses (`$a.b`, `(…)[0]`). */
  private singleArgument(): ExpressionNode | undefined {
    const kind = this.peek('command');
    switch (kind) {
      case Tok.Word: {
        const node: StringNode = { kind: 'string', quote: 'bare', start: this.t.start, end: this.t.end, value: this.t.literal, nested: this.t.nested };
        this.t.advance();
        return node;
      }
      case Tok.Number: {
        const start = this.t.start;
        const end = this.t.end;
        this.t.advance();
        // `-5`: a number with its sign is the negation of a number, as in expression mode.
        if (isDash(this.text.charCodeAt(start))) return { kind: 'unary', operator: '-', start, end, operand: { kind: 'number', start: start + 1, end } };
        return { kind: 'number', start, end };
      }
      case Tok.Placeholder: {
        const node: ExpressionNode = { kind: 'placeholder', start: this.t.start, end: this.t.end, label: this.t.value };
        this.t.advance();
        return node;
      }
      case Tok.Variable:
      case Tok.Splat:
      case Tok.String:
      case Tok.LParen:
      case Tok.DollarParen:
      case Tok.AtParen:
      case Tok.AtCurly:
      case Tok.LCurly: {
        // The token was scanned in command mode; primaries are the same in both.
        const primary = this.primary();
        return primary ? this.postfix(primary, true) : undefined;
      }
      case Tok.Dot:
      case Tok.LBracket:
      case Tok.Label:
      case Tok.Unknown:
      case Tok.Question:
      case Tok.Colon:
      case Tok.ColonColon:
      case Tok.RBracket:
        return this.bareToken();
      default:
        return undefined;
    }
  }

  // -------------------------------------------------------------------------------------------------------
  // Expressions

  /** An expression (binary operators, commas, casts, unary operators, member access); undefined when none starts here. */
  private expression(): ExpressionNode | undefined {
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const expression = this.ternary();
    this.leave();
    return expression;
  }

  /** Parses with commas as separators of the construct at hand (method and attribute arguments, parameters). */
  private withoutComma<T>(parse: () => T): T {
    const saved = this.commaAllowed;
    this.commaAllowed = false;
    try {
      return parse();
    } finally {
      this.commaAllowed = saved;
    }
  }

  /** Starts a construct of its own (a group, a block, a hashtable), where commas make arrays again. */
  private beginConstruct(): boolean {
    const previous = this.commaAllowed;
    this.commaAllowed = true;
    return previous;
  }

  /** Ends what `enter` and `beginConstruct` started. */
  private endConstruct(commaAllowed: boolean): void {
    this.commaAllowed = commaAllowed;
    this.leave();
  }

  private ternary(): ExpressionNode | undefined {
    const condition = this.binary(1);
    if (!condition || this.peek() !== Tok.Question) return condition;
    const question = this.t.start;
    this.t.advance();
    this.skipNewlines();
    const whenTrue = this.expression();
    this.skipNewlines();
    if (!whenTrue || this.peek() !== Tok.Colon) {
      this.error("Missing ':' or the expression of the ternary operator '?'.", question, question + 1);
      return condition;
    }
    this.t.advance();
    this.skipNewlines();
    const whenFalse = this.expression();
    if (!whenFalse) {
      this.error("You must provide a value expression following the ':' operator.");
      return condition;
    }
    return { kind: 'ternary', condition, whenTrue, whenFalse, start: condition.start, end: whenFalse.end };
  }

  /**
   * Binary operators of `level` and above, by precedence climbing: left to right in a loop (a long chain of one
   * operator does not recurse), each right operand read with the operators that bind tighter.
   */
  private binary(level: number): ExpressionNode | undefined {
    let left = this.arrayLiteral();
    if (!left) return undefined;
    for (;;) {
      if (this.peek() !== Tok.Operator) return left;
      const operator = this.t.value;
      const precedence = PRECEDENCE.get(operator);
      if (precedence === undefined || precedence < level) return left;
      const operatorStart = this.t.start;
      this.t.advance();
      this.skipNewlines();
      const right = this.binary(precedence + 1);
      if (!right) {
        this.error(`You must provide a value expression following the '${operator}' operator.`, operatorStart, operatorStart + operator.length);
        return left;
      }
      left = { kind: 'binary', operator, left, right, start: left.start, end: right.end };
    }
  }

  /** `a, b, c` in expression mode. */
  private arrayLiteral(): ExpressionNode | undefined {
    const first = this.unary();
    if (!first || !this.commaAllowed || this.peek() !== Tok.Comma) return first;
    const elements = [first];
    while (this.peek() === Tok.Comma) {
      const comma = this.t.start;
      this.t.advance();
      this.skipNewlines();
      const next = this.unary();
      if (!next) {
        this.error("Missing expression after ','.", comma, comma + 1);
        break;
      }
      elements.push(next);
    }
    return { kind: 'array-literal', start: first.start, end: elements[elements.length - 1].end, elements: settled(elements) };
  }

  private unary(): ExpressionNode | undefined {
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const unary = this.unaryNode();
    this.leave();
    return unary;
  }

  private unaryNode(): ExpressionNode | undefined {
    const kind = this.peek();
    const start = this.t.start;
    if ((kind === Tok.Operator && UNARY_OPERATORS.has(this.t.value)) || kind === Tok.Comma) {
      const operator = kind === Tok.Comma ? ',' : this.t.value;
      this.t.advance();
      this.skipNewlines();
      const operand = this.unary();
      if (!operand) {
        this.error(`Missing expression after unary operator '${operator}'.`, start, start + operator.length);
        return { kind: 'error', start, end: start + operator.length, nested: NONE };
      }
      return { kind: 'unary', operator, operand, start, end: operand.end };
    }
    if (kind === Tok.LBracket) return this.typeOrCast();
    const primary = this.primary();
    return primary ? this.postfix(primary, false) : undefined;
  }

  /** `[type]` alone (with member access: `[Math]::Pi`), or a cast when an operand follows on the line. */
  private typeOrCast(): ExpressionNode {
    const attribute = this.bracketed();
    const type: TypeNode = { kind: 'type', start: attribute.start, end: attribute.end, name: attribute.name };
    const kind = this.peek();
    const operandFollows = kind !== Tok.Comma && this.startsExpression(kind);
    if (!operandFollows) return this.postfix(type, false);
    const operand = this.unary();
    if (!operand) return type;
    return { kind: 'cast', type, operand, start: type.start, end: operand.end };
  }

  /**
   * Member access, method calls, indexing and `++`/`--` after a primary, as long as no blank comes between (`$a .b`
   * is two arguments in a command); `++` and `--` may follow after blanks in expression mode.
   */
  private postfix(target: ExpressionNode, commandMode: boolean): ExpressionNode {
    let node = target;
    for (;;) {
      // Most values are followed by a blank or a separator: tell so from the next character, without scanning.
      if (!this.postfixMayFollow(commandMode)) return node;
      const kind = this.peek();
      const adjacent = !this.t.spaceBefore();
      if (kind === Tok.Operator && (this.t.value === '++' || this.t.value === '--') && !commandMode) {
        const operator = this.t.value + 'post';
        this.t.advance();
        node = { kind: 'unary', operator, operand: node, start: node.start, end: this.t.pos };
      } else if (!adjacent) {
        return node;
      } else if (kind === Tok.Number && this.text.charCodeAt(this.t.start) === 46 /* . */) {
        // `6.0.9319`: the number 6.0, then the member 9319 (as PowerShell reads a version written bare).
        const member = bareString(this.t.start + 1, this.t.end, this.text.slice(this.t.start + 1, this.t.end));
        this.t.advance();
        this.noteAccess(node);
        node = { kind: 'member', target: node, member, isStatic: false, arguments: undefined, start: node.start, end: member.end };
      } else if (kind === Tok.Dot || kind === Tok.ColonColon) {
        const member = this.memberAccess(node, kind === Tok.ColonColon);
        if (!member) return node;
        node = member;
      } else if (kind === Tok.LBracket || (kind === Tok.Question && this.text.charCodeAt(this.t.end) === 91) /* [ */) {
        // `$a[0]`, and `${a}?[0]` (null-conditional).
        if (kind === Tok.Question) this.t.advance();
        node = this.indexAccess(node);
      } else {
        return node;
      }
    }
  }

  /** Whether the text after what is consumed can continue a primary: `.`, `[`, `::`, `?[`, or `++`/`--` (after blanks too). */
  private postfixMayFollow(commandMode: boolean): boolean {
    const text = this.text;
    let at = this.t.pos;
    const c = text.charCodeAt(at);
    if (c === 46 /* . */ || c === 91 /* [ */ || c === 58 /* : */ || c === 63 /* ? */) return true;
    if (commandMode) return false;
    while (text.charCodeAt(at) === 32 || text.charCodeAt(at) === 9) at++;
    const first = text.charCodeAt(at);
    return (first === 43 /* + */ || isDash(first)) && text.charCodeAt(at + 1) === first;
  }

  /** `.Name`, `::Name`, `.Method(…)`, `.Method[T](…)`, `.ForEach{ … }` after `target`; the operator is pending. */
  private memberAccess(target: ExpressionNode, isStatic: boolean): ExpressionNode | undefined {
    const operatorEnd = this.t.end;
    this.t.advance();
    // (A member name may stand on the next line: `$a.\n  Method()`.)
    this.skipNewlines();
    const member = this.memberName();
    if (!member) {
      this.error('Missing property name after reference operator.', operatorEnd - 1, operatorEnd);
      return undefined;
    }
    let args: readonly ExpressionNode[] | undefined;
    let after = this.peek();
    if (after === Tok.LBracket && !this.t.spaceBefore() && this.genericArgumentsFollow()) {
      this.bracketed();
      after = this.peek();
    }
    if (after === Tok.LParen && !this.t.spaceBefore()) args = this.methodArguments();
    // `.ForEach{ … }`, `.Where{ … }`: a script block as the one argument, without parentheses.
    else if (after === Tok.LCurly && !this.t.spaceBefore()) args = [this.scriptBlockIfAny() ?? errorAt(this.t.start)];
    this.noteAccess(target);
    return { kind: 'member', target, member, isStatic, arguments: args, start: target.start, end: args ? Math.max(this.t.pos, member.end) : member.end };
  }

  /** At `[` after a method name: whether `[types](` follows (a generic method's type arguments). */
  private genericArgumentsFollow(): boolean {
    const text = this.text;
    let depth = 0;
    for (let at = this.t.start; at < text.length; at++) {
      const c = text[at];
      if (c === '[') depth++;
      else if (c === ']' && --depth === 0) return text[at + 1] === '(';
      else if (c === '\n' || c === '(' || c === '$') return false;
    }
    return false;
  }

  /** `[index]` after `target`; the `[` is pending. */
  private indexAccess(target: ExpressionNode): ExpressionNode {
    this.peek();
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    try {
      this.skipNewlines();
      const index = this.expression();
      this.skipNewlines();
      if (!index) this.error('Array index expression is missing or not valid.', open, open + 1);
      if (this.peek() === Tok.RBracket) this.t.advance();
      else this.error("Missing ']' after array index expression.", open, open + 1);
      this.noteAccess(target);
      return { kind: 'index', target, index: index ?? errorAt(open), start: target.start, end: this.t.pos };
    } finally {
      this.openParens--;
    }
  }

  /** A member's name: a word, a number (`$Matches.1`), a string, a variable, a parenthesized expression or a block. */
  private memberName(): ExpressionNode | undefined {
    const kind = this.peek();
    if (kind === Tok.Word || kind === Tok.Number) return this.bareToken();
    // (`$o.{.ctor}()`: a script block parses as a member name; it fails only when run.)
    if (kind === Tok.String || kind === Tok.Variable || kind === Tok.LParen || kind === Tok.DollarParen || kind === Tok.LCurly) return this.primary();
    return undefined;
  }

  /** `(a, b)` of a method call. */
  private methodArguments(): readonly ExpressionNode[] {
    const open = this.t.start;
    this.t.advance();
    this.openParens++;
    const args: ExpressionNode[] = [];
    try {
      this.skipNewlines();
      while (this.peek() !== Tok.RParen && this.peek() !== Tok.EOF) {
        const argument = this.withoutComma(() => this.expression());
        if (!argument) {
          this.error('Missing argument in method call.');
          break;
        }
        args.push(argument);
        this.skipNewlines();
        if (this.peek() !== Tok.Comma) break;
        this.t.advance();
        this.skipNewlines();
      }
      this.expectClose(Tok.RParen, "Missing ')' in method call.", open);
    } finally {
      this.openParens--;
    }
    return settled(args);
  }

  private primary(): ExpressionNode | undefined {
    // A primary reads the same in both modes: a token pending in either is not scanned again.
    const kind = this.t.pendingKind() ?? this.peek();
    switch (kind) {
      case Tok.Variable:
      case Tok.Splat:
        return this.variableNode();
      case Tok.Number: {
        const node: ExpressionNode = { kind: 'number', start: this.t.start, end: this.t.end };
        this.t.advance();
        return node;
      }
      case Tok.String: {
        const node: StringNode = { kind: 'string', quote: this.t.quote, start: this.t.start, end: this.t.end, value: this.t.literal, nested: this.t.nested };
        this.t.advance();
        return node;
      }
      case Tok.LParen:
        return this.group('paren', Tok.RParen, "Missing closing ')' in expression.");
      case Tok.DollarParen:
        return this.group('sub-expression', Tok.RParen, "Missing closing ')' in subexpression.");
      case Tok.AtParen:
        return this.group('array-expression', Tok.RParen, "Missing closing ')' in subexpression.");
      case Tok.AtCurly:
        return this.hashtable();
      case Tok.LCurly:
        return this.scriptBlockIfAny();
      case Tok.Word:
        // `` `"s`" ``: escaped characters make a bare word in expression mode too.
        return this.text.charCodeAt(this.t.start) === 96 ? this.bareToken() : undefined;
      default:
        return undefined;
    }
  }

  private variableNode(): VariableNode {
    const node: VariableNode = { kind: 'variable', start: this.t.start, end: this.t.end, name: this.t.value, splat: this.t.kind === Tok.Splat };
    this.t.advance();
    return node;
  }

  /** `( … )`, `$( … )`, `@( … )`: statements up to `)`. */
  private group(kind: GroupNode['kind'], closer: Tok, missing: string): GroupNode | ErrorNode {
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const commaAllowed = this.beginConstruct();
    this.openParens++;
    const start = this.t.start;
    this.t.advance();
    const statements = this.statementStack;
    const base = statements.size;
    if (kind === 'paren') {
      this.parenContent(closer, missing, start, statements);
    } else {
      this.statementList(closer, statements);
      this.expectClose(closer, missing, start);
    }
    this.openParens--;
    this.endConstruct(commaAllowed);
    return { kind, start, end: Math.max(this.t.pos, start + 1), statements: statements.take(base) };
  }

  /** The pipeline in `( … )`; more statements before the `)` are an error (they are read: they may hold commands). */
  private parenContent(closer: Tok, missing: string, start: number, statements: ListStack<StatementNode>): void {
    this.skipNewlines();
    const statement = this.peek('command') === closer ? undefined : this.statement();
    if (statement) statements.push(statement);
    else this.error("An expression was expected after '('.", start, start + 1);
    this.skipNewlines();
    const kind = this.peek('command');
    if (kind !== closer && kind !== Tok.EOF && kind !== Tok.RCurly) {
      this.error(missing, start, start + 1);
      this.statementList(closer, statements);
      if (this.peek('command') === closer) this.t.advance();
      return;
    }
    this.expectClose(closer, missing, start);
  }

  /**
   * Gives the sink what was found before `offset` (a top-level statement's start: all that the statements before it
   * hold; what a look-ahead at its first token found stays for the next time), and forgets it.
   */
  private handOver(offset: number): void {
    const commands = this.commands.takeBefore(offset, commandStart);
    const assignments = this.assignments.takeBefore(offset, nodeStart);
    const accessed = inOrderOnce(takeBefore(this.accessed, offset));
    const functions = inOrderOnce(takeBefore(this.functions, offset));
    if (commands.length + assignments.length + accessed.length + functions.length > 0)
      this.sink?.take({ commands, assignments, accessed, functions }, this.t.errors);
  }

  foundMark(): FoundMark {
    return { commands: this.commands.length, assignments: this.assignments.length, accessed: this.accessed.length, functions: this.functions.length };
  }

  forgetFoundAfter(mark: FoundMark, offset: number): void {
    this.commands.forgetFrom(mark.commands, offset);
    this.assignments.forgetFrom(mark.assignments, offset);
    keepBefore(this.accessed, mark.accessed, offset);
    keepBefore(this.functions, mark.functions, offset);
  }

  /** `$( … )` inside a string or bare word, from just after its `(`, no further than `limit`. */
  parseSubExpressionAt(start: number, limit: number): { node: ExpressionNode; end: number } {
    if (this.depth >= MAX_NESTING) {
      // Past the limit, not even the tokens are read: the sub-expression ends at its matching `)` in the text.
      const end = this.t.matchingParen(start, limit);
      this.error(TOO_DEEP, start - 2, start);
      return { node: { kind: 'error', start: start - 2, end, nested: NONE }, end };
    }
    if (limit < this.text.length) {
      // Inside a here-string: read by a parser of the text up to the here-string's end (a slice costs no copy).
      const inner = new ScriptParser(this.text.slice(0, limit), this.depth);
      const found = inner.parseSubExpressionAt(start, limit);
      for (const error of inner.t.errors) this.t.errors.push(error);
      for (const comment of inner.t.comments) this.t.comments.push(comment);
      this.commands.append(inner.commands);
      this.assignments.append(inner.assignments);
      for (const variable of inner.accessed) this.accessed.push(variable);
      for (const definition of inner.functions) this.functions.push(definition);
      return found;
    }
    const state = this.t.snapshot();
    const { openParens, openCurlies } = this;
    // (Brackets outside the string do not wait for the closers inside it.)
    this.openParens = 0;
    this.openCurlies = 0;
    this.t.reset(start - 2);
    this.peek();
    const node = this.group('sub-expression', Tok.RParen, "Missing closing ')' in subexpression.");
    // Back to the string being scanned.
    this.t.restore(state);
    this.openParens = openParens;
    this.openCurlies = openCurlies;
    return { node, end: node.end };
  }

  private hashtable(): HashtableNode | ErrorNode {
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const commaAllowed = this.beginConstruct();
    const start = this.t.start;
    this.t.advance();
    this.openCurlies++;
    const entries: HashEntry[] = [];
    for (;;) {
      this.skipNewlinesAndSemis('expression');
      const kind = this.peek();
      if (kind === Tok.RCurly || kind === Tok.EOF || kind === Tok.RParen) break;
      const key = this.hashKey();
      if (!key) {
        this.error(`Unexpected token '${this.quotedToken()}' in hash literal.`);
        this.skipToEntryEnd();
        continue;
      }
      if (this.peek() !== Tok.Assign || this.t.value !== '=') {
        this.error("Missing '=' operator after key in hash literal.", key.start, key.end);
        this.skipToEntryEnd();
        continue;
      }
      this.t.advance();
      this.skipNewlines();
      const value = this.statement();
      if (!value) {
        this.error("Missing statement after '=' in hash literal.", key.start, key.end);
        this.skipToEntryEnd();
        continue;
      }
      entries.push({ key, value });
      const after = this.peek('command');
      if (after !== Tok.NewLine && after !== Tok.Semi && after !== Tok.RCurly && after !== Tok.EOF) {
        this.error(`Unexpected token '${this.quotedToken()}' in hash literal.`);
        this.skipToEntryEnd();
      }
    }
    this.expectClose(Tok.RCurly, 'The hash literal was incomplete.', start);
    this.openCurlies--;
    this.endConstruct(commaAllowed);
    return { kind: 'hashtable', start, end: Math.max(this.t.pos, start + 2), entries: settled(entries) };
  }

  /** A hash key: a name (which may hold dashes: `@{ a-b = 1 }`), a string, a number, a variable or `( … )`. */
  private hashKey(): ExpressionNode | undefined {
    const kind = this.peek();
    if (kind === Tok.Word) {
      const start = this.t.start;
      const text = this.text;
      let end = start;
      while (end < text.length && !endsHashKey(text.charCodeAt(end))) end++;
      this.t.reset(end);
      return bareString(start, end, text.slice(start, end));
    }
    return this.unary();
  }

  /** Skips to the end of a hash entry (a newline, `;` or `}` outside brackets), reading blocks on the way. */
  private skipToEntryEnd(): void {
    for (;;) {
      const kind = this.peek('command');
      if (kind === Tok.NewLine || kind === Tok.Semi || kind === Tok.RCurly || kind === Tok.EOF || kind === Tok.RParen) return;
      const before = this.t.start;
      if (kind === Tok.LCurly || kind === Tok.LParen || kind === Tok.AtParen || kind === Tok.AtCurly || kind === Tok.DollarParen) this.primary();
      if (this.t.start === before) this.t.advance();
    }
  }

  /** `{ … }` at the current token, or undefined. */
  private scriptBlockIfAny(): ScriptBlockNode | ErrorNode | undefined {
    if (this.peek() !== Tok.LCurly) return undefined;
    const tooDeep = this.enter();
    if (tooDeep) return tooDeep;
    const commaAllowed = this.beginConstruct();
    const start = this.t.start;
    this.t.advance();
    this.openCurlies++;
    const body = this.scriptBody(start, Tok.RCurly);
    this.openCurlies--;
    this.endConstruct(commaAllowed);
    return { kind: 'script-block', start, end: body.end, body };
  }
}

/** A word in lower case when it could be a keyword (letters only, 13 at most), else undefined: most command names are not lowered. */
function keywordOf(word: string): string | undefined {
  if (word.length === 0 || word.length > 13) return undefined;
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i) | 0x20; // lower case, for letters
    if (c < 97 || c > 122) return undefined;
  }
  return word.toLowerCase();
}

/** What ends a hash key written as a name: blanks, `=`, `;`, braces, parentheses (`[\s=;}{()]`, without a regular expression per character). */
function endsHashKey(c: number): boolean {
  switch (c) {
    case 61: // =
    case 59: // ;
    case 123: // {
    case 125: // }
    case 40: // (
    case 41: // )
    case 32:
      return true;
    default:
      return c < 32 ? c >= 9 && c <= 13 : c >= 0x80 && /\s/.test(String.fromCharCode(c));
  }
}

function isAsciiLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90);
}

function isPipe(c: number): boolean {
  return c === 124; /* | */
}

/** `[` of an attribute, or the `p` of `param`. */
function startsParamBlock(c: number): boolean {
  return c === 91 /* [ */ || c === 112 /* p */ || c === 80; /* P */
}

function isLetterStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isCommandEnd(kind: Tok): boolean {
  switch (kind) {
    case Tok.Pipe:
    case Tok.RCurly:
    case Tok.RParen:
    case Tok.EOF:
    case Tok.NewLine:
    case Tok.Semi:
    case Tok.AndAnd:
    case Tok.OrOr:
    case Tok.Ampersand:
      return true;
    default:
      return false;
  }
}

/** Nodes found in any order (few): sorted, each once. */
function inOrderOnce<T extends { start: number }>(nodes: T[]): T[] {
  if (nodes.length < 2) return nodes;
  return nodes.sort((a, b) => a.start - b.start).filter((node, i, all) => i === 0 || all[i - 1].start !== node.start);
}

/** Where a command found starts, and any node (functions made once: they are handed to every `handOver`). */
const commandStart = (entry: CommandEntry): number => entry.node.start;
const nodeStart = (node: { start: number }): number => node.start;

/** Removes the nodes that start before `offset` from `nodes`, and returns them. */
function takeBefore<T extends { start: number }>(nodes: T[], offset: number): T[] {
  // (Most statements use no variable's members and define no function: nothing is allocated for them.)
  if (nodes.length === 0) return NOTHING_FOUND;
  const taken: T[] = [];
  let kept = 0;
  for (const node of nodes) {
    if (node.start < offset) taken.push(node);
    else nodes[kept++] = node;
  }
  nodes.length = kept;
  return taken;
}

/** Keeps, of the nodes after the first `length`, those that start before `offset`. */
function keepBefore(nodes: { start: number }[], length: number, offset: number): void {
  let kept = length;
  for (let i = length; i < nodes.length; i++) if (nodes[i].start < offset) nodes[kept++] = nodes[i];
  nodes.length = kept;
}

function bareString(start: number, end: number, text: string): StringNode {
  return { kind: 'string', quote: 'bare', start, end, value: text, nested: NONE };
}

function errorAt(offset: number): ErrorNode {
  return { kind: 'error', start: offset, end: offset, nested: NONE };
}
