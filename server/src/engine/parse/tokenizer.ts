/**
 * PowerShell's tokenizer, driven by the parser. As in PowerShell's own, the same characters make different tokens
 * in the two modes the parser asks for: in expression mode `-eq` is an operator and `a` an identifier; in command
 * (argument) mode `-eq` is a parameter and `a+b` one bare word. The parser asks for the next token in a mode
 * (`peek`); asked again in the other mode, the token is scanned again from its start.
 */
import type { CommentNode, ExpressionNode, StringNode, SyntaxError } from './syntax';
import { objectList } from '../util/object-list';

export const enum Tok {
  EOF,
  NewLine,
  Semi,
  LParen,
  RParen,
  LCurly,
  RCurly,
  LBracket,
  RBracket,
  Comma,
  Pipe,
  AndAnd,
  OrOr,
  Ampersand,
  Dot,
  ColonColon,
  Colon,
  Question,
  AtParen,
  AtCurly,
  DollarParen,
  Variable,
  Splat,
  Number,
  String,
  /** A bare word: an identifier in expression mode, any unquoted word in command mode. */
  Word,
  /** `-Name` in command mode (and a dash word that is no operator in expression mode). */
  Parameter,
  /** An operator of expression mode: `+`, `-eq`, `..`, `!`, `??`, … (`text` holds it, lower case). */
  Operator,
  /** `=`, `+=`, `??=`, … */
  Assign,
  Redirection,
  /** `--` alone in command mode: the end of parameters. */
  DashDash,
  /** `<text>` in command mode: a placeholder of a documentation template. */
  Placeholder,
  /** `:name` at the start of a statement. */
  Label,
  Unknown,
}

export type Mode = 'expression' | 'command';

/** What a scan of a string or word found, to replay it. */
interface ScannedToken {
  readonly kind: Tok;
  readonly end: number;
  readonly value: string;
  readonly flag: boolean;
  readonly literal: string | undefined;
  readonly quote: QuoteKind;
  readonly nested: ExpressionNode[];
}

/** The tokenizer's state, to come back to after scanning a nested expression in the middle of a token. */
export interface TokenizerState {
  readonly pos: number;
  readonly kind: Tok;
  readonly start: number;
  readonly end: number;
  readonly value: string;
  readonly flag: boolean;
  readonly literal: string | undefined;
  readonly quote: QuoteKind;
  readonly nested: ExpressionNode[];
  readonly scannedIn: Mode | undefined;
}

/** No nested expressions (shared: most strings and words have none). */
const NO_NESTED: ExpressionNode[] = objectList();

export type QuoteKind = StringNode['quote'];

/** What the tokenizer asks of the parser: expressions nested in strings and bare words. */
export interface NestedParser {
  /**
   * Parses `$( … )` from just after the `(`, reading no further than `limit` (the end of a here-string's content);
   * returns the sub-expression and where it ends.
   */
  parseSubExpressionAt(start: number, limit: number): { node: ExpressionNode; end: number };
  /** How much the parser has found so far (commands, assignments, …), for `forgetFoundAfter`. */
  foundMark(): FoundMark;
  /** Forgets what was found since `mark` that starts at or after `offset`: a string read again, shorter. */
  forgetFoundAfter(mark: FoundMark, offset: number): void;
}

/** The lengths of what a parser has found, at a point of its reading. */
export interface FoundMark {
  readonly commands: number;
  readonly assignments: number;
  readonly accessed: number;
  readonly functions: number;
}

// Character codes.
const TAB = 9,
  LF = 10,
  VT = 11,
  FF = 12,
  CR = 13,
  SPACE = 32,
  BANG = 33,
  DQUOTE = 34,
  HASH = 35,
  DOLLAR = 36,
  PERCENT = 37,
  AMP = 38,
  SQUOTE = 39,
  LPAREN = 40,
  RPAREN = 41,
  STAR = 42,
  PLUS = 43,
  COMMA = 44,
  DASH = 45,
  DOT = 46,
  SLASH = 47,
  ZERO = 48,
  NINE = 57,
  COLON = 58,
  SEMI = 59,
  LT = 60,
  EQUALS = 61,
  GT = 62,
  QUESTION = 63,
  AT = 64,
  LBRACKET = 91,
  BACKTICK = 96,
  RBRACKET = 93,
  UNDERSCORE = 95,
  LCURLY = 123,
  PIPE = 124,
  RCURLY = 125,
  NBSP = 0xa0,
  NEL = 0x85,
  BOM = 0xfeff;

export function isDash(c: number): boolean {
  return c === DASH || c === 0x2013 || c === 0x2014 || c === 0x2015;
}

export function isSingleQuote(c: number): boolean {
  return c === SQUOTE || (c >= 0x2018 && c <= 0x201b);
}

export function isDoubleQuote(c: number): boolean {
  return c === DQUOTE || c === 0x201c || c === 0x201d || c === 0x201e;
}

function isNewline(c: number): boolean {
  return c === LF || c === CR;
}

/** Blanks between tokens (newlines are tokens of their own). */
function isBlank(c: number): boolean {
  if (c === SPACE || c === TAB) return true;
  if (c < 0x80) return c === VT || c === FF;
  return (
    c === NBSP ||
    c === NEL ||
    c === BOM ||
    (c >= 0x2000 && c <= 0x200a) ||
    c === 0x1680 ||
    c === 0x2028 ||
    c === 0x2029 ||
    c === 0x202f ||
    c === 0x205f ||
    c === 0x3000
  );
}

function isBlankOrNewline(c: number): boolean {
  return isBlank(c) || isNewline(c);
}

function isDigit(c: number): boolean {
  return c >= ZERO && c <= NINE;
}

function isLetter(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || (c >= 0x80 && /\p{L}/u.test(String.fromCharCode(c)));
}

// What the scans' hot loops ask of an ASCII character, by a look-up in one table instead of a chain of comparisons
// (the scans of words, names and parameters were a fifth of the parse's own time).
/** Ends a bare word whatever it started with (PowerShell's ForceStartNewToken). */
const ENDS_WORD = 1;
/** Letters, digits, `_`: a name's characters after its first. */
const NAME = 2;
/** Not plain in a bare word: a backtick, a quote, a `$`. */
const IN_WORD_SPECIAL = 4;
/** Ends a parameter's name (besides what ends a word): `:`, `.`, `[`, a quote, `$`, `@`. */
const ENDS_PARAMETER = 8;
const ASCII_CLASS = new Uint8Array(128);
for (const c of [SPACE, TAB, LF, CR, VT, FF, AMP, LPAREN, RPAREN, COMMA, SEMI, LCURLY, PIPE, RCURLY]) ASCII_CLASS[c] |= ENDS_WORD;
for (let c = 0; c < 128; c++) if ((c >= 97 && c <= 122) || (c >= 65 && c <= 90) || isDigit(c) || c === UNDERSCORE) ASCII_CLASS[c] |= NAME;
for (const c of [BACKTICK, SQUOTE, DQUOTE, DOLLAR]) ASCII_CLASS[c] |= IN_WORD_SPECIAL;
for (const c of [COLON, DOT, LBRACKET, DQUOTE, SQUOTE, DOLLAR, AT]) ASCII_CLASS[c] |= ENDS_PARAMETER;

/** A character that can follow the first of an identifier, a variable name or a parameter name. */
function isNameChar(c: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & NAME) !== 0;
  return c >= 0x80 && /[\p{L}\p{Nd}\p{Mn}\p{Mc}\p{Pc}]/u.test(String.fromCharCode(c));
}

/** Characters that end a bare word whatever it started with (PowerShell's ForceStartNewToken); the text's end too. */
export function endsWord(c: number): boolean {
  if (c < 0x80) return (ASCII_CLASS[c] & ENDS_WORD) !== 0;
  return Number.isNaN(c) || isBlank(c);
}

/** A character of a bare word that is neither special in it nor ends it (most of them). */
function isPlainInWord(c: number): boolean {
  return c < 0x80 && (ASCII_CLASS[c] & (ENDS_WORD | IN_WORD_SPECIAL)) === 0;
}

/** Characters that end a number in expression mode (`7+1`), besides those that end any word. */
function endsNumber(c: number): boolean {
  switch (c) {
    case BANG:
    case HASH:
    case PERCENT:
    case STAR:
    case PLUS:
    case DASH:
    case DOT:
    case SLASH:
    case LT:
    case EQUALS:
    case GT:
    case RBRACKET:
    case LBRACKET:
    case COLON:
    case QUESTION:
      return true;
    default:
      return endsWord(c) || isDash(c);
  }
}

/** The operators written as a dash and a name, with their case-sensitive (`c`) and insensitive (`i`) forms. */
const NAMED_OPERATORS = new Set<string>();
for (const name of ['eq', 'ne', 'gt', 'ge', 'lt', 'le', 'like', 'notlike', 'match', 'notmatch', 'replace', 'contains', 'notcontains', 'in', 'notin', 'split']) {
  NAMED_OPERATORS.add(name)
    .add('c' + name)
    .add('i' + name);
}
for (const name of ['and', 'or', 'xor', 'not', 'band', 'bor', 'bxor', 'bnot', 'shl', 'shr', 'is', 'isnot', 'as', 'f', 'join']) NAMED_OPERATORS.add(name);

export class Tokenizer {
  /** The current token (after `peek`). */
  kind: Tok = Tok.EOF;
  start = 0;
  end = 0;
  /** The token's text where it has one: a word, an operator, a variable's name, a parameter's name. */
  value = '';
  /** A parameter: written with a colon (`-Name:`). A string or word: whether its value is constant. */
  flag = false;
  /** A string's or word's value when constant; a parameter's dash. */
  literal: string | undefined;
  /** A string's quote kind. */
  quote: QuoteKind = 'bare';
  /** The expressions nested in a string or bare word. */
  nested: ExpressionNode[] = NO_NESTED;
  /** The token at `start` was scanned in this mode; undefined when none is pending. */
  private scannedIn: Mode | undefined;
  /** The end of what is consumed: where the next token is scanned from (while scanning, the scanner's cursor). */
  pos = 0;

  readonly comments: CommentNode[] = objectList();
  readonly errors: SyntaxError[] = objectList();
  private commentsEnd = 0;
  /**
   * Strings (by their start) and bare words (by minus their start, minus one: a string run together with more
   * characters is also scanned as a word) whose scan parsed a `$( … )`: scanned again in the other mode, the token
   * is replayed as it was, and what is nested in it is not parsed again (nor its errors reported again).
   */
  private readonly replays = new Map<number, ScannedToken>();
  /** The last start of a token in `replays` (-1: none). */
  private replaysReach = -1;
  /** How many `$( … )` were parsed inside strings and words (a scan that parsed one is remembered). */
  private subExpressionsParsed = 0;
  /** How deep in token scans the tokenizer is, and the errors found scanning a token (see `errorsBeforeToken`). */
  private scanning = 0;
  private readonly scanErrors = new WeakSet<SyntaxError>();
  /** The end of the farthest token scanned, and how far a search for a terminator went (see `reach`). */
  private farthestToken = 0;
  private farthestSearch = 0;
  /** Whether the text has no CR (`reach`; found when first needed: nested parsers' tokenizers never ask). */
  private withoutCarriageReturns: boolean | undefined = undefined;

  constructor(
    readonly text: string,
    private readonly parser: NestedParser,
  ) {}

  error(message: string, start: number, end: number): void {
    // A token scanned again in the other mode meets its errors again: each is kept once.
    const errors = this.errors;
    for (let i = errors.length - 1; i >= 0 && i >= errors.length - 4; i--) {
      if (errors[i].start === start && errors[i].message === message) return;
    }
    const error = { message, start, end: Math.max(end, start) };
    errors.push(error);
    if (this.scanning > 0) this.scanErrors.add(error);
  }

  /**
   * An offset such that the text before it decides every token scanned so far: the end of the farthest token's line
   * (a scan looks ahead on its line: blanks, `=`, `::`), or farther where a search for a terminator went (a string or
   * comment without one is looked for up to the end of the text, and past it: text added at the end would end it).
   * Reading the script again after an edit needs it.
   */
  reach(): number {
    const text = this.text;
    let lineEnd = this.farthestToken;
    // (Asked at every top-level statement: in a text without CR, the native search finds the line's end.)
    this.withoutCarriageReturns ??= !text.includes('\r');
    if (this.withoutCarriageReturns) {
      lineEnd = text.indexOf('\n', lineEnd);
      if (lineEnd === -1) lineEnd = text.length;
    } else {
      while (lineEnd < text.length && !isNewline(text.charCodeAt(lineEnd))) lineEnd++;
    }
    // (Past the line break, and the line feed of a CR LF.)
    return Math.max(this.farthestSearch, lineEnd + 2);
  }

  /** The next token in a mode, without consuming it. */
  peek(mode: Mode): Tok {
    if (this.scannedIn === mode) return this.kind;
    if (this.scannedIn !== undefined && this.scansAlikeIn(mode)) {
      this.scannedIn = mode;
      return this.kind;
    }
    const from = this.pos;
    this.scannedIn = mode;
    this.skipBlanks();
    this.start = this.pos;
    this.value = '';
    this.flag = false;
    this.literal = undefined;
    this.scanning++;
    // (The end of the text is found here, not by a scan that reads a character past it: V8 deoptimises the scanners'
    // code on such a read, and on the NaN it gives where they compare small integers.)
    if (this.pos >= this.text.length) this.kind = Tok.EOF;
    else if (mode === 'command') this.scanCommandToken();
    else this.scanExpressionToken();
    this.scanning--;
    this.end = this.pos;
    if (this.end > this.farthestToken) this.farthestToken = this.end;
    this.pos = from;
    return this.kind;
  }

  /**
   * How many errors were found before the pending token, the first of a top-level statement, counting from the
   * `from`-th on: the errors of scanning the token belong to its statement, and go last. (The statement before may
   * have scanned it, looking ahead, and reported errors of its own after that; the count must be the same whoever
   * scanned it first: reading a script again after an edit relies on it.)
   */
  errorsBeforeToken(from: number): number {
    const errors = this.errors;
    const scanned: SyntaxError[] = [];
    let kept = from;
    for (let i = from; i < errors.length; i++) {
      const error = errors[i];
      if (this.scanErrors.has(error) && error.start >= this.start && error.start < this.end) scanned.push(error);
      else errors[kept++] = error;
    }
    for (const error of scanned) errors[kept++] = error;
    return errors.length - scanned.length;
  }

  /**
   * Whether the pending token, scanned in the other mode, is the one a scan in `mode` would give: the tokens both
   * modes scan alike (`scanCommon`), but for a string or variable scanned in expression mode, which command mode may
   * read as a word run together with what follows (`$x-y`). Statements start in command mode and most are read in
   * expression mode next: this spares the scan again.
   */
  private scansAlikeIn(mode: Mode): boolean {
    switch (this.kind) {
      case Tok.EOF:
      case Tok.NewLine:
      case Tok.Semi:
      case Tok.LParen:
      case Tok.RParen:
      case Tok.LCurly:
      case Tok.RCurly:
      case Tok.Comma:
      case Tok.Pipe:
      case Tok.OrOr:
      case Tok.AndAnd:
      case Tok.Ampersand:
      case Tok.AtParen:
      case Tok.AtCurly:
      case Tok.DollarParen:
      case Tok.Splat:
        return true;
      case Tok.String:
        return mode === 'expression' || this.quote === 'here-single' || this.quote === 'here-double';
      case Tok.Variable:
        return mode === 'expression';
      default:
        return false;
    }
  }

  /** The kind of the token peeked (in either mode), if one is. */
  pendingKind(): Tok | undefined {
    return this.scannedIn === undefined ? undefined : this.kind;
  }

  /** The mode the pending token was scanned in, if one is pending. */
  pendingMode(): Mode | undefined {
    return this.scannedIn;
  }

  /** Consumes the token peeked. */
  advance(): void {
    this.scannedIn = undefined;
    this.pos = this.end;
  }

  /** Moves to an offset (a token seen before, or a point of recovery): what comes before counts as consumed. */
  reset(offset: number): void {
    this.scannedIn = undefined;
    this.pos = offset;
  }

  /** The whole state, to scan a nested expression in the middle of a token and come back. */
  snapshot(): TokenizerState {
    const { pos, kind, start, end, value, flag, literal, quote, nested, scannedIn } = this;
    return { pos, kind, start, end, value, flag, literal, quote, nested, scannedIn };
  }

  /** Back to a state `snapshot` took (field by field: `Object.assign` took 1% of the parse for 1,600 sub-expressions). */
  restore(state: TokenizerState): void {
    this.pos = state.pos;
    this.start = state.start;
    this.end = state.end;
    this.scannedIn = state.scannedIn;
    this.setToken(state);
  }

  /** The pending token's kind and values, from a state or a remembered token. */
  private setToken(token: Omit<ScannedToken, 'end'>): void {
    this.kind = token.kind;
    this.value = token.value;
    this.flag = token.flag;
    this.literal = token.literal;
    this.quote = token.quote;
    this.nested = token.nested;
  }

  /**
   * Whether what follows the consumed text, after blanks and newlines, may start with `first` (a character code): it
   * does, or a comment or a line continuation comes before. A look-ahead across lines that would scan tokens only to
   * go back asks this first: most of the time the next statement's first character says no.
   */
  mayStartOnLaterLine(first: (c: number) => boolean): boolean {
    const text = this.text;
    let at = this.pos;
    while (at < text.length && isBlankOrNewline(text.charCodeAt(at))) at++;
    // (A look at the text past the tokens scanned: the reach goes that far.)
    if (at + 1 > this.farthestSearch) this.farthestSearch = at + 1;
    if (at >= text.length) return false;
    const c = text.charCodeAt(at);
    return first(c) || c === HASH || c === LT || c === BACKTICK;
  }

  /** The character after the one at `pos`: NaN past the text's end, as `charCodeAt` gives, but without reading past it. */
  private nextChar(): number {
    const at = this.pos + 1;
    return at < this.text.length ? this.text.charCodeAt(at) : NaN;
  }

  /** Whether blanks (or a comment) come before the current token: `$a.b` and `$a .b` differ. */
  spaceBefore(): boolean {
    if (this.start === 0) return true;
    const before = this.text.charCodeAt(this.start - 1);
    return isBlankOrNewline(before) || before === BACKTICK || this.commentEndsAt(this.start);
  }

  private commentEndsAt(offset: number): boolean {
    const last = this.comments[this.comments.length - 1];
    return last !== undefined && last.end === offset;
  }

  // -------------------------------------------------------------------------------------------------------
  // Blanks and comments

  /** Skips blanks, line continuations and comments (not newlines). */
  private skipBlanks(): void {
    const text = this.text;
    while (this.pos < text.length) {
      const c = text.charCodeAt(this.pos);
      if (isBlank(c)) {
        this.pos++;
      } else if (c === BACKTICK) {
        const next = this.nextChar();
        if (isNewline(next)) this.pos += next === CR && text.charCodeAt(this.pos + 2) === LF ? 3 : 2;
        else if (isBlank(next)) this.pos += 2;
        else return;
      } else if (c === HASH) {
        this.lineComment();
      } else if (c === LT && text.charCodeAt(this.pos + 1) === HASH) {
        this.blockComment();
      } else {
        return;
      }
    }
  }

  private lineComment(): void {
    const start = this.pos;
    const text = this.text;
    let at = start + 1;
    while (at < text.length && !isNewline(text.charCodeAt(at))) at++;
    this.pos = at;
    this.addComment(start, at);
  }

  private blockComment(): void {
    const start = this.pos;
    const close = this.text.indexOf('#>', start + 2);
    if (close < 0) {
      this.farthestSearch = this.text.length + 1;
      if (start >= this.commentsEnd) this.error("Missing closing '#>' at the end of the block comment.", start, start + 2);
      this.pos = this.text.length;
    } else {
      this.pos = close + 2;
    }
    this.addComment(start, this.pos);
  }

  /**
   * The expressions nested in the string or word being scanned, from `base` on (a scan nested in a sub-expression
   * pushes above it): one array for all, so that the many tokens with none allocate nothing.
   */
  private readonly found: ExpressionNode[] = objectList();

  private takeFound(base: number): ExpressionNode[] {
    return this.found.length > base ? this.found.splice(base) : NO_NESTED;
  }

  private dropFoundAfter(base: number, offset: number): void {
    const kept = this.found.splice(base).filter((node) => node.end <= offset);
    for (const node of kept) this.found.push(node);
  }

  /** Replays the token remembered under `key`; false when none is. */
  private replay(key: number): boolean {
    // A token is scanned again only where one was scanned before: a token past every one remembered needs no look-up
    // (the look-ups were 1% of the parse).
    if ((key < 0 ? -key - 1 : key) > this.replaysReach) return false;
    const token = this.replays.get(key);
    if (!token) return false;
    this.setToken(token);
    this.pos = token.end;
    return true;
  }

  /** Remembers the token just scanned under `key` when its scan parsed a `$( … )` (since the count given). */
  private remember(key: number, parsedBefore: number): void {
    if (parsedBefore === this.subExpressionsParsed) return;
    const { kind, value, flag, literal, quote, nested } = this;
    this.replays.set(key, { kind, end: this.pos, value, flag, literal, quote, nested });
    this.replaysReach = Math.max(this.replaysReach, key < 0 ? -key - 1 : key);
  }

  /** Forgets the errors and comments found since the counts given that start at or after `offset`. */
  private forgetAfter(offset: number, errorCount: number, commentCount: number): void {
    const keptErrors = this.errors.splice(errorCount).filter((error) => error.start < offset);
    this.errors.push(...keptErrors);
    const keptComments = this.comments.splice(commentCount).filter((comment) => comment.start < offset);
    this.comments.push(...keptComments);
    this.commentsEnd = Math.min(this.commentsEnd, offset);
  }

  private addComment(start: number, end: number): void {
    // A token scanned again in another mode passes its comments again.
    if (start < this.commentsEnd) return;
    this.comments.push({ kind: 'comment', start, end });
    this.commentsEnd = end;
  }

  // -------------------------------------------------------------------------------------------------------
  // Tokens of both modes

  private single(kind: Tok, length: number): void {
    this.kind = kind;
    this.pos += length;
  }

  /** Tokens both modes scan alike; false when the character starts none of them. */
  private scanCommon(c: number): boolean {
    const next = this.nextChar();
    switch (c) {
      case LF:
        this.single(Tok.NewLine, 1);
        return true;
      case CR:
        this.single(Tok.NewLine, next === LF ? 2 : 1);
        return true;
      case SEMI:
        this.single(Tok.Semi, 1);
        return true;
      case LPAREN:
        this.single(Tok.LParen, 1);
        return true;
      case RPAREN:
        this.single(Tok.RParen, 1);
        return true;
      case LCURLY:
        this.single(Tok.LCurly, 1);
        return true;
      case RCURLY:
        this.single(Tok.RCurly, 1);
        return true;
      case COMMA:
        this.single(Tok.Comma, 1);
        return true;
      case PIPE:
        this.single(next === PIPE ? Tok.OrOr : Tok.Pipe, next === PIPE ? 2 : 1);
        return true;
      case AMP:
        this.single(next === AMP ? Tok.AndAnd : Tok.Ampersand, next === AMP ? 2 : 1);
        return true;
      case AT:
        return this.scanAt(next);
      case DOLLAR:
        if (next === LPAREN) this.single(Tok.DollarParen, 2);
        else if (!this.scanVariable(false)) return false;
        return true;
      default:
        if (Number.isNaN(c)) {
          this.kind = Tok.EOF;
          return true;
        }
        if (isSingleQuote(c)) {
          this.scanVerbatimString();
          return true;
        }
        if (isDoubleQuote(c)) {
          this.scanExpandableString();
          return true;
        }
        return false;
    }
  }

  /** `@(`, `@{`, a here-string, or a splatted variable. */
  private scanAt(next: number): boolean {
    if (next === LPAREN) this.single(Tok.AtParen, 2);
    else if (next === LCURLY) this.single(Tok.AtCurly, 2);
    else if (isSingleQuote(next) || isDoubleQuote(next)) this.scanHereString(isDoubleQuote(next));
    else if (next === QUESTION || next === UNDERSCORE || isNameChar(next) || next === LCURLY) return this.scanVariable(true);
    else return false;
    return true;
  }

  // -------------------------------------------------------------------------------------------------------
  // Variables

  /** `$name`, `$scope:name`, `${…}`, `$$`, `$?`, `$^`; `@name` when splat. False when no variable starts here. */
  private scanVariable(splat: boolean): boolean {
    const end = this.variableEnd(this.pos);
    if (end === undefined) return false;
    this.kind = splat ? Tok.Splat : Tok.Variable;
    this.value = this.variableName(this.pos, end);
    this.pos = end;
    return true;
  }

  /** Where a variable starting at `start` (`$` or `@`) ends; undefined when it is no variable. */
  variableEnd(start: number): number | undefined {
    const text = this.text;
    let at = start + 1;
    const c = text.charCodeAt(at);
    if (c === LCURLY) {
      // ${any text}: a backtick escapes a brace (or starts a `u{…} escape).
      for (at++; at < text.length; at++) {
        const ch = text.charCodeAt(at);
        if (ch === BACKTICK) at = this.escapeEnd(at) - 1;
        else if (ch === RCURLY) return at + 1;
      }
      this.error("Missing closing '}' of the variable name.", start, start + 2);
      return text.length;
    }
    if (c === DOLLAR || c === QUESTION || c === 0x5e /* ^ */) return at + 1;
    if (!isNameChar(c) && c !== COLON) return undefined;
    // (A `?` belongs to the name: `$a?` is the variable `a?`, as in PowerShell.)
    while (isNameChar(text.charCodeAt(at)) || text.charCodeAt(at) === QUESTION) at++;
    // A scope or drive: `$env:PATH`, `$script:x` (not `$a::b`, not `$a:` before a blank).
    if (text.charCodeAt(at) === COLON && text.charCodeAt(at + 1) !== COLON && isNameChar(text.charCodeAt(at + 1))) {
      at++;
      while (isNameChar(text.charCodeAt(at)) || text.charCodeAt(at) === QUESTION) at++;
    }
    return at === start + 1 ? undefined : at;
  }

  /** Where the escape sequence at a backtick ends: `` `x `` is two characters, `` `u{2195} `` one unit to its brace. */
  private escapeEnd(at: number): number {
    const text = this.text;
    if (text.charCodeAt(at + 1) === 0x75 /* u */ && text.charCodeAt(at + 2) === LCURLY) {
      const close = text.indexOf('}', at + 3);
      if (close > 0 && close - at <= 10) return close + 1;
    }
    return at + 2;
  }

  private variableName(start: number, end: number): string {
    const text = this.text;
    if (text.charCodeAt(start + 1) !== LCURLY) return text.slice(start + 1, end);
    return text.slice(start + 2, text.charCodeAt(end - 1) === RCURLY ? end - 1 : end);
  }

  // -------------------------------------------------------------------------------------------------------
  // Strings

  /** `'…'`: a doubled quote is a quote. Unterminated: to the end of its line (see `unterminated`). */
  private scanVerbatimString(): void {
    const text = this.text;
    const start = this.pos;
    let value = '';
    let from = start + 1;
    let at = from;
    for (;;) {
      if (at >= text.length) {
        this.unterminated(start, "'");
        this.finishString('single', true, value + text.slice(from, this.pos));
        return;
      }
      const c = text.charCodeAt(at);
      if (isSingleQuote(c)) {
        value += text.slice(from, at);
        if (isSingleQuote(text.charCodeAt(at + 1))) {
          // (A doubled quote stands for its second character, as written: `’’` is `’`.)
          value += text[at + 1];
          at += 2;
          from = at;
          continue;
        }
        this.pos = at + 1;
        this.finishString('single', true, value);
        return;
      }
      at++;
    }
  }

  /**
   * A string that has no terminator: PowerShell reads the rest of the file into it. That would hide every command
   * after a stray quote, so the string is taken to end where its line ends, and the error says it has no terminator.
   */
  private unterminated(start: number, quote: string): void {
    const text = this.text;
    // (Its terminator was looked for up to the end of the text.)
    this.farthestSearch = text.length + 1;
    let at = start + 1;
    while (at < text.length && !isNewline(text.charCodeAt(at))) at++;
    this.error(`The string is missing the terminator: ${quote}.`, start, at);
    this.pos = at;
  }

  /** `"…"`: backtick escapes, doubled quotes, `$name` and `$( … )` expanded. */
  private scanExpandableString(): void {
    const text = this.text;
    const start = this.pos;
    if (this.replay(start)) return;
    const parsedBefore = this.subExpressionsParsed;
    let at = start + 1;
    let constant = true;
    let doubledQuote = false;
    let closed = false;
    const base = this.found.length;
    const errorCount = this.errors.length;
    const commentCount = this.comments.length;
    const parsed = this.parser.foundMark();
    for (;;) {
      if (at >= text.length) {
        this.unterminated(start, '"');
        // (The string ends where its line ends: what it expanded after that is read as code again, and the commands
        // the parser found in it there are not commands of the script.)
        this.dropFoundAfter(base, this.pos);
        this.forgetAfter(this.pos, errorCount, commentCount);
        this.parser.forgetFoundAfter(parsed, this.pos);
        break;
      }
      const c = text.charCodeAt(at);
      if (c === BACKTICK) {
        constant = false;
        at += 2;
      } else if (isDoubleQuote(c)) {
        if (isDoubleQuote(text.charCodeAt(at + 1))) {
          doubledQuote = true;
          at += 2;
          continue;
        }
        this.pos = at + 1;
        closed = true;
        break;
      } else if (c === DOLLAR) {
        const after = this.expansionEnd(at);
        if (after > at + 1) constant = false;
        at = after;
      } else {
        at++;
      }
    }
    this.nested = this.takeFound(base);
    const content = constant ? text.slice(start + 1, closed ? this.pos - 1 : this.pos) : undefined;
    // (A doubled quote stands for its second character.)
    this.finishString(
      'double',
      constant && this.nested.length === 0,
      doubledQuote ? content?.replace(/["\u201c\u201d\u201e](["\u201c\u201d\u201e])/g, '$1') : content,
    );
    this.remember(start, parsedBefore);
  }

  /**
   * At a `$` in an expandable string or bare word: where the expansion ends (the `$` alone: the next character), with
   * the nested expression read into `nested`.
   */
  private expansionEnd(at: number, limit = this.text.length): number {
    const text = this.text;
    if (text.charCodeAt(at + 1) === LPAREN) {
      this.subExpressionsParsed++;
      const sub = this.parser.parseSubExpressionAt(at + 2, limit);
      this.found.push(sub.node);
      return sub.end;
    }
    const end = this.variableEnd(at);
    if (end === undefined) return at + 1;
    this.found.push({ kind: 'variable', start: at, end, name: this.variableName(at, end), splat: false });
    return end;
  }

  private finishString(quote: QuoteKind, constant: boolean, value: string | undefined): void {
    this.kind = Tok.String;
    this.quote = quote;
    this.flag = constant;
    this.literal = constant ? value : undefined;
    if (quote === 'single' || quote === 'here-single') this.nested = NO_NESTED;
  }

  /**
   * `@'…'@` and `@"…"@`: the opening quote ends its line, the closing one starts a line. Without a closing quote at
   * the start of a line, one after blanks ends it (PowerShell's error says the blanks are not allowed); else the
   * file's end does.
   */
  private scanHereString(expandable: boolean): void {
    const text = this.text;
    const start = this.pos;
    if (this.replay(start)) return;
    let at = start + 2;
    while (isBlank(text.charCodeAt(at))) at++;
    const quoteMark = expandable ? '"' : "'";
    if (!isNewline(text.charCodeAt(at)) && at < text.length) {
      this.error('No characters are allowed after a here-string header but before the end of the line.', start, at + 1);
    }
    while (at < text.length && !isNewline(text.charCodeAt(at))) at++;
    at += text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1;
    const contentStart = Math.min(at, text.length);
    const isQuote = expandable ? isDoubleQuote : isSingleQuote;
    let indented: number | undefined;
    let contentEnd = -1;
    let terminated = true;
    for (let line = contentStart; line < text.length;) {
      let first = line;
      while (isBlank(text.charCodeAt(first))) first++;
      if (isQuote(text.charCodeAt(first)) && text.charCodeAt(first + 1) === AT) {
        if (first === line) {
          contentEnd = line;
          this.pos = line + 2;
          break;
        }
        indented ??= first;
      }
      const newline = this.nextLineStart(line);
      line = newline;
    }
    if (contentEnd < 0) {
      this.farthestSearch = text.length + 1;
      if (indented !== undefined) {
        this.error('White space is not allowed before the string terminator.', indented, indented + 2);
        contentEnd = indented;
        this.pos = indented + 2;
      } else {
        this.error(`The string is missing the terminator: ${quoteMark}@.`, start, start + 2);
        terminated = false;
        contentEnd = text.length;
        this.pos = text.length;
      }
    }
    // The newline before the closing quote is not part of the value.
    const valueEnd = !terminated ? contentEnd : contentEnd > contentStart ? contentEnd - (text.charCodeAt(contentEnd - 2) === CR ? 2 : 1) : contentStart;
    const content = text.slice(contentStart, Math.max(contentStart, valueEnd));
    if (!expandable) {
      this.finishString('here-single', true, content);
      return;
    }
    const parsedBefore = this.subExpressionsParsed;
    const base = this.found.length;
    let constant = true;
    for (let i = contentStart; i < contentEnd;) {
      const c = text.charCodeAt(i);
      if (c === BACKTICK) {
        constant = false;
        i += 2;
      } else if (c === DOLLAR) {
        const after = this.expansionEnd(i, contentEnd);
        if (after > i + 1) constant = false;
        i = Math.max(after, i + 1);
      } else {
        i++;
      }
    }
    this.nested = this.takeFound(base);
    this.finishString('here-double', constant, content);
    this.remember(start, parsedBefore);
  }

  private nextLineStart(at: number): number {
    const text = this.text;
    while (at < text.length && !isNewline(text.charCodeAt(at))) at++;
    return at + (text.charCodeAt(at) === CR && text.charCodeAt(at + 1) === LF ? 2 : 1);
  }

  // -------------------------------------------------------------------------------------------------------
  // Numbers

  /**
   * Where a number starting at `at` ends (`12`, `1.5e3`, `0x1F`, `10kb`, `5L`), or undefined when the characters
   * there are not one followed by what ends a number in this mode (`7z`, `10.0.0.1` in command mode are words).
   */
  private numberEnd(at: number, mode: Mode): number | undefined {
    const text = this.text;
    let i = at;
    const start = i;
    if (text.charCodeAt(i) === ZERO && (text.charCodeAt(i + 1) | 0x20) === 0x78 /* x */) {
      i += 2;
      while (/[0-9a-fA-F]/.test(text[i] ?? '')) i++;
      if (i === start + 2) return undefined;
    } else if (text.charCodeAt(i) === ZERO && (text.charCodeAt(i + 1) | 0x20) === 0x62 /* b */ && /[01]/.test(text[i + 2] ?? '')) {
      i += 2;
      while (text[i] === '0' || text[i] === '1') i++;
    } else {
      while (isDigit(text.charCodeAt(i))) i++;
      if (text.charCodeAt(i) === DOT && isDigit(text.charCodeAt(i + 1))) {
        i++;
        while (isDigit(text.charCodeAt(i))) i++;
      } else if (text.charCodeAt(i) === DOT && i > start && text.charCodeAt(i + 1) !== DOT && !isNameChar(text.charCodeAt(i + 1))) {
        i++; // `1.` is a number
      }
      if (i === start || (i === start + 1 && text.charCodeAt(start) === DOT)) return undefined;
      if ((text.charCodeAt(i) | 0x20) === 0x65 /* e */) {
        let j = i + 1;
        if (text.charCodeAt(j) === PLUS || isDash(text.charCodeAt(j))) j++;
        if (isDigit(text.charCodeAt(j))) {
          while (isDigit(text.charCodeAt(j))) j++;
          i = j;
        }
      }
    }
    // (A suffix is letters: most numbers have none, and no regular expression is run for them.)
    const first = text.charCodeAt(i) | 0x20;
    if (first >= 97 && first <= 122) i += /^(?:[uU][lLyYsS]?|[lLdDnNyYsS])?(?:[kKmMgGtTpP][bB])?/.exec(text.slice(i, i + 4))?.[0].length ?? 0;
    const after = text.charCodeAt(i);
    const ends =
      mode === 'command' ? endsWord(after) || after === DOT || after === LBRACKET || after === RBRACKET || after === GT || after === EQUALS : endsNumber(after);
    return ends ? i : undefined;
  }

  // -------------------------------------------------------------------------------------------------------
  // Expression mode

  private scanExpressionToken(): void {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    if (this.scanCommon(c)) return;
    const next = this.nextChar();
    if (isDash(c)) {
      this.scanDashInExpression(next);
      return;
    }
    if (isDigit(c) || (c === DOT && isDigit(next))) {
      // `2>&1` after blanks is a redirection; `1..3>x` is the number 3, then `>`.
      const before = text.charCodeAt(this.pos - 1);
      if ((this.pos === 0 || isBlankOrNewline(before)) && this.scanRedirection(c, next)) return;
      const end = this.numberEnd(this.pos, 'expression');
      if (end !== undefined) {
        this.kind = Tok.Number;
        this.pos = end;
        return;
      }
      this.scanIdentifier();
      return;
    }
    switch (c) {
      case LBRACKET:
        this.single(Tok.LBracket, 1);
        return;
      case RBRACKET:
        this.single(Tok.RBracket, 1);
        return;
      case DOT:
        if (next === DOT) this.operator('..', 2);
        else this.single(Tok.Dot, 1);
        return;
      case COLON:
        this.single(next === COLON ? Tok.ColonColon : Tok.Colon, next === COLON ? 2 : 1);
        return;
      case QUESTION:
        if (next === QUESTION) {
          if (text.charCodeAt(this.pos + 2) === EQUALS) this.assign('??=', 3);
          else this.operator('??', 2);
        } else if (next === DOT) {
          this.value = '?.';
          this.single(Tok.Dot, 2);
        } else {
          this.single(Tok.Question, 1);
        }
        return;
      case EQUALS:
        this.assign('=', 1);
        return;
      case PLUS:
      case STAR:
      case SLASH:
      case PERCENT:
        if (c === STAR && this.scanRedirection(c, next)) return;
        if (next === EQUALS) this.assign(String.fromCharCode(c) + '=', 2);
        else if (c === PLUS && next === PLUS) this.operator('++', 2);
        else this.operator(String.fromCharCode(c), 1);
        return;
      case BANG:
        this.operator('!', 1);
        return;
      case GT:
      case LT:
        this.scanRedirection(c, next);
        return;
      case BACKTICK:
        this.scanWord();
        return;
      default:
        if (isLetter(c) || c === UNDERSCORE) {
          this.scanIdentifier();
          return;
        }
        this.kind = Tok.Unknown;
        this.pos++;
    }
  }

  private operator(value: string, length: number): void {
    this.value = value;
    this.single(Tok.Operator, length);
  }

  private assign(value: string, length: number): void {
    this.value = value;
    this.single(Tok.Assign, length);
  }

  /** `-`, `--`, `-=`, `-eq`, `-1` (a number with its sign is the parser's business: unary minus). */
  private scanDashInExpression(next: number): void {
    if (isDash(next)) {
      this.operator('--', 2);
      return;
    }
    if (next === EQUALS) {
      this.assign('-=', 2);
      return;
    }
    if (isLetter(next) || next === UNDERSCORE || next === QUESTION) {
      const text = this.text;
      let at = this.pos + 1;
      while (isNameChar(text.charCodeAt(at)) || text.charCodeAt(at) === QUESTION) at++;
      const name = text.slice(this.pos + 1, at).toLowerCase();
      if (NAMED_OPERATORS.has(name)) {
        this.operator('-' + name, at - this.pos);
        return;
      }
      this.scanParameter();
      return;
    }
    this.operator('-', 1);
  }

  /** A word of expression mode: letters, digits and underscores (`Get` of `Get-Item`; a member name). */
  private scanIdentifier(): void {
    const text = this.text;
    let at = this.pos + 1;
    while (isNameChar(text.charCodeAt(at))) at++;
    this.kind = Tok.Word;
    this.value = text.slice(this.pos, at);
    this.pos = at;
  }

  /** `>`, `>>`, `2>`, `2>&1`, `*>`, `<` (reserved). False when the characters are no redirection. */
  private scanRedirection(c: number, next: number): boolean {
    const text = this.text;
    let at = this.pos;
    if (c === LT) {
      this.kind = Tok.Redirection;
      this.value = '<';
      this.pos++;
      return true;
    }
    if (c !== GT) {
      if (!((c >= 49 && c <= 54) || c === STAR) || next !== GT) return false;
      at++;
    }
    at++; // the `>`
    if (text.charCodeAt(at) === GT) at++;
    else if (text.charCodeAt(at) === AMP && (text.charCodeAt(at + 1) === 49 || text.charCodeAt(at + 1) === 50)) at += 2;
    this.kind = Tok.Redirection;
    this.value = text.slice(this.pos, at);
    this.pos = at;
    return true;
  }

  // -------------------------------------------------------------------------------------------------------
  // Command mode

  private scanCommandToken(): void {
    const text = this.text;
    const c = text.charCodeAt(this.pos);
    const start = this.pos;
    if (this.scanCommon(c)) {
      // A quoted string or variable run together with more characters is one word: `"a"b`, `$x-y`.
      if ((this.kind === Tok.String && this.quote !== 'here-single' && this.quote !== 'here-double') || this.kind === Tok.Variable) {
        const after = text.charCodeAt(this.pos);
        if (
          !endsWord(after) &&
          !(this.kind === Tok.Variable && (after === DOT || after === LBRACKET || after === COLON)) &&
          !(this.kind === Tok.String && (after === DOT || after === LBRACKET))
        ) {
          this.pos = start;
          this.scanWord();
        }
      }
      return;
    }
    const next = this.nextChar();
    if (isDash(c)) {
      this.scanDashInCommand(next);
      return;
    }
    if (this.scanRedirection(c, next)) {
      if (c === LT) this.scanPlaceholder();
      return;
    }
    if (isDigit(c) || (c === DOT && isDigit(next))) {
      const end = this.numberEnd(this.pos, 'command');
      if (end !== undefined && endsWord(text.charCodeAt(end))) {
        this.kind = Tok.Number;
        this.pos = end;
        return;
      }
    }
    if (c === DOT && (endsWord(next) || next === DOLLAR || isSingleQuote(next) || isDoubleQuote(next))) {
      this.single(Tok.Dot, 1);
      return;
    }
    if (c === LBRACKET && endsWord(next)) {
      this.single(Tok.LBracket, 1);
      return;
    }
    if (c === COLON && (isLetter(next) || next === UNDERSCORE)) {
      this.scanLabel();
      return;
    }
    this.scanWord();
  }

  /** `-Name`, `-Name:`, `--`, `--%`, `-` alone (a parameter half typed), `-5` (a number). */
  private scanDashInCommand(next: number): void {
    const text = this.text;
    if (isDash(next) && endsWord(text.charCodeAt(this.pos + 2))) {
      this.single(Tok.DashDash, 2);
      return;
    }
    if (isLetter(next) || next === UNDERSCORE || next === QUESTION) {
      this.scanParameter();
      return;
    }
    if (isDigit(next) || (next === DOT && isDigit(text.charCodeAt(this.pos + 2)))) {
      const end = this.numberEnd(this.pos + 1, 'command');
      if (end !== undefined && endsWord(text.charCodeAt(end))) {
        this.kind = Tok.Number;
        this.pos = end;
        return;
      }
    }
    if (endsWord(next) || next === COLON) {
      // A dash alone: the start of a parameter name not typed yet.
      this.kind = Tok.Parameter;
      this.literal = text[this.pos];
      this.value = '';
      this.pos++;
      if (text.charCodeAt(this.pos) === COLON) {
        this.flag = true;
        this.pos++;
      }
      return;
    }
    this.scanWord();
  }

  /** `-Name` up to a blank or a character that ends a word; a colon ends it and is part of it (`-Name:`). */
  private scanParameter(): void {
    const text = this.text;
    let at = this.pos + 1;
    for (;;) {
      const c = text.charCodeAt(at);
      if (c < 0x80 ? (ASCII_CLASS[c] & (ENDS_WORD | ENDS_PARAMETER)) !== 0 : endsWord(c)) break;
      at++;
    }
    this.kind = Tok.Parameter;
    this.literal = text[this.pos];
    this.value = text.slice(this.pos + 1, at);
    if (text.charCodeAt(at) === COLON) {
      this.flag = true;
      at++;
    }
    this.pos = at;
  }

  /** `:name` (a loop label). */
  private scanLabel(): void {
    const text = this.text;
    let at = this.pos + 1;
    while (isNameChar(text.charCodeAt(at))) at++;
    if (!endsWord(text.charCodeAt(at))) {
      this.scanWord();
      return;
    }
    this.kind = Tok.Label;
    this.value = text.slice(this.pos + 1, at);
    this.pos = at;
  }

  /**
   * `<text>` on one line, as documentation templates write values (`-Identity <policy name>`); anything else that
   * starts with `<` is the reserved redirection operator.
   */
  private scanPlaceholder(): void {
    const text = this.text;
    let at = this.start + 1;
    let depth = 1;
    for (; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (isNewline(c)) return;
      if (c === LT) depth++;
      else if (c === GT && --depth === 0) break;
    }
    if (depth !== 0 || at === this.start + 1) return;
    this.kind = Tok.Placeholder;
    this.value = text.slice(this.start + 1, at);
    this.pos = at + 1;
  }

  /**
   * A bare word of command mode, up to a character that ends words: quoted parts, backtick escapes and `$`
   * expansions are part of it (`C:\x\*.log`, `a"b c"`, `test$x`, `--%`).
   */
  private scanWord(): void {
    const text = this.text;
    const start = this.pos;
    const key = -start - 1;
    if (this.replay(key)) return;
    const parsedBefore = this.subExpressionsParsed;
    const base = this.found.length;
    let at = start;
    let plain = true;
    let expandable = false;
    for (;;) {
      const c = text.charCodeAt(at);
      if (isPlainInWord(c)) {
        at++;
        continue;
      }
      if (endsWord(c)) break;
      if (c === BACKTICK) {
        if (isNewline(text.charCodeAt(at + 1)) || at + 1 >= text.length) break;
        plain = false;
        at = this.escapeEnd(at);
      } else if (isSingleQuote(c)) {
        plain = false;
        at = this.closingQuote(at, isSingleQuote);
      } else if (isDoubleQuote(c)) {
        plain = false;
        const close = this.closingQuote(at, isDoubleQuote);
        // (Expansions in a quoted part make the word's value unknown; they are not read further.)
        if (text.slice(at, close).includes('$')) expandable = true;
        at = close;
      } else if (c === DOLLAR) {
        const after = this.expansionEnd(at);
        if (after > at + 1) expandable = true;
        at = after;
      } else {
        at++;
      }
    }
    if (at === start) at++; // a character no token starts with
    this.pos = at;
    this.kind = Tok.Word;
    this.value = text.slice(start, at);
    this.quote = 'bare';
    this.nested = this.takeFound(base);
    this.flag = !expandable;
    this.literal = expandable ? undefined : plain ? this.value : unescapeWord(this.value);
    this.remember(key, parsedBefore);
  }

  /** After a quoted part of a bare word: the offset past its closing quote (its line's end when it has none). */
  private closingQuote(open: number, isQuote: (c: number) => boolean): number {
    const text = this.text;
    for (let at = open + 1; at < text.length; at++) {
      const c = text.charCodeAt(at);
      if (c === BACKTICK && !isSingleQuote(text.charCodeAt(open))) at++;
      else if (isQuote(c)) return at + 1;
    }
    this.unterminated(open, String.fromCharCode(text.charCodeAt(open)));
    return this.pos;
  }

  /**
   * Where the `)` that closes a `$(` ends, from just after the `(`, by the text alone (single-quoted strings skipped):
   * past the nesting limit, where nothing is parsed. `limit` when there is none.
   */
  matchingParen(from: number, limit: number): number {
    const end = this.matchingParenEnd(from, limit);
    this.farthestSearch = Math.max(this.farthestSearch, end + 1);
    return end;
  }

  private matchingParenEnd(from: number, limit: number): number {
    const text = this.text;
    let depth = 1;
    for (let at = from; at < limit; at++) {
      const c = text.charCodeAt(at);
      if (c === LPAREN) depth++;
      else if (c === RPAREN && --depth === 0) return at + 1;
      else if (c === SQUOTE) {
        const close = text.indexOf("'", at + 1);
        if (close < 0 || close >= limit) return limit;
        at = close;
      }
    }
    return limit;
  }

  /**
   * Scans over balanced brackets from an opening one, without parsing: used past the nesting limit, where the
   * parser stops descending. Strings and comments are skipped as tokens. Returns where the matching closer ends.
   */
  skipBalanced(from: number): number {
    this.reset(from);
    let depth = 0;
    for (;;) {
      const kind = this.peek('expression');
      if (kind === Tok.EOF) return this.start;
      this.advance();
      if (kind === Tok.LParen || kind === Tok.LCurly || kind === Tok.AtParen || kind === Tok.AtCurly || kind === Tok.DollarParen || kind === Tok.LBracket)
        depth++;
      else if (kind === Tok.RParen || kind === Tok.RCurly || kind === Tok.RBracket) {
        if (--depth <= 0) return this.end;
      }
    }
  }
}

/** The value of a bare word with quotes or backtick escapes in it: `a"b c"` is `ab c`, `` a`,b `` is `a,b`. */
function unescapeWord(word: string): string {
  let value = '';
  for (let i = 0; i < word.length; i++) {
    const c = word.charCodeAt(i);
    if (c === BACKTICK) {
      value += word[++i] ?? '';
    } else if (isSingleQuote(c) || isDoubleQuote(c)) {
      // The quote pair's content, as written.
      const single = isSingleQuote(c);
      let j = i + 1;
      while (j < word.length && !(single ? isSingleQuote(word.charCodeAt(j)) : isDoubleQuote(word.charCodeAt(j)))) j++;
      value += word.slice(i + 1, j);
      i = j;
    } else {
      value += word[i];
    }
  }
  return value;
}
