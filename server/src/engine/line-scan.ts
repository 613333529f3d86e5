/**
 * A tolerant scan of the command around a position, from the text alone.
 *
 * Completion and hover cannot rely on the parse tree: a half-typed command (`New-CsPublicProvider -`) parses
 * as an ERROR node with no command in it. This scanner reads the logical line around the position (physical
 * lines joined by backtick continuations), splits it into words, strings, comments and the tokens that end a
 * command (`|`, `;`, braces, parentheses, `&&`, `||`, assignments), and returns the tokens of the command the
 * position is in.
 */

export type ScanTokenType = 'word' | 'string' | 'comment' | 'boundary';

export interface ScanToken {
  readonly type: ScanTokenType;
  readonly text: string;
  /** Offsets in the whole text. */
  readonly start: number;
  readonly end: number;
  /** A string or block comment that runs to the end of the logical line without closing. */
  readonly unterminated?: boolean;
}

export interface CommandScan {
  /** The tokens of the command the position is in (words and strings; no comments, no boundaries). */
  readonly tokens: readonly ScanToken[];
  /** The word or string the position touches (start < offset <= end), if any. */
  readonly atCursor?: ScanToken;
  /** The tokens before `atCursor` (or before the position when it touches none). */
  readonly before: readonly ScanToken[];
  /** The position is inside a comment or inside a string. */
  readonly inCommentOrString: boolean;
  /** The command receives pipeline input (a `|` comes right before it). */
  readonly pipelineInput: boolean;
}

/** Dashes PowerShell accepts before a parameter name. */
export const PARAMETER_DASHES = '-\u2013\u2014\u2015';
const SINGLE_QUOTES = '\'\u2018\u2019\u201a\u201b';
const DOUBLE_QUOTES = '"\u201c\u201d\u201e';
const BOUNDARY_CHARS = '|;{}()';
const ASSIGNMENTS = new Set(['=', '+=', '-=', '*=', '/=', '%=', '??=']);

/** Whether a word is a parameter token (`-Name`, `-Name:`, or with an en/em dash or horizontal bar). */
export function isParameterWord(text: string): boolean {
  return text.length > 0 && PARAMETER_DASHES.includes(text[0]) && (text.length === 1 || /^[A-Za-z_?:]/.test(text.slice(1)));
}

/** Whether a string token is in double quotes (PowerShell expands variables and escapes in it). */
export function isExpandableString(token: ScanToken): boolean {
  return token.type === 'string' && DOUBLE_QUOTES.includes(token.text[0]);
}

/** The parameter name of a parameter word, without dash and colon. */
export function parameterNameOf(text: string): string {
  return text.slice(1).replace(/:$/, '');
}

/** Offsets of the logical line around `offset`: physical lines joined by a backtick at their very end. */
export function logicalLineAround(text: string, offset: number): { start: number; end: number } {
  let start = lineStartOf(text, offset);
  while (start > 0) {
    const previousEnd = start - (text[start - 2] === '\r' && text[start - 1] === '\n' ? 2 : 1);
    if (text[previousEnd - 1] !== '`') break;
    start = lineStartOf(text, previousEnd);
  }
  let end = lineEndOf(text, offset);
  while (end < text.length && text[end - 1] === '`') end = lineEndOf(text, end + (text[end] === '\r' && text[end + 1] === '\n' ? 2 : 1));
  return { start, end };
}

function lineStartOf(text: string, offset: number): number {
  let i = Math.min(offset, text.length);
  while (i > 0 && text[i - 1] !== '\n' && text[i - 1] !== '\r') i--;
  return i;
}

function lineEndOf(text: string, offset: number): number {
  let i = offset;
  while (i < text.length && text[i] !== '\n' && text[i] !== '\r') i++;
  return i;
}

/** Splits text[start, end) into tokens. */
export function tokenize(text: string, start: number, end: number): ScanToken[] {
  const tokens: ScanToken[] = [];
  let i = start;
  const push = (type: ScanTokenType, from: number, to: number, unterminated = false): void => {
    tokens.push({ type, text: text.slice(from, to), start: from, end: to, ...(unterminated ? { unterminated } : {}) });
  };
  while (i < end) {
    const c = text[i];
    const next = text[i + 1];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\f' || c === '\v' || c === '\u00a0') {
      i++;
    } else if (c === '`' && (next === '\r' || next === '\n')) {
      i += 2;
    } else if (c === '#') {
      const to = lineEndOf(text, i);
      push('comment', i, Math.min(to, end));
      i = to;
    } else if (c === '<' && next === '#') {
      const close = text.indexOf('#>', i + 2);
      const to = close < 0 || close + 2 > end ? end : close + 2;
      push('comment', i, to, close < 0 || close + 2 > end);
      i = to;
    } else if ((c === '&' && next === '&') || (c === '|' && next === '|')) {
      push('boundary', i, i + 2);
      i += 2;
    } else if (BOUNDARY_CHARS.includes(c)) {
      push('boundary', i, i + 1);
      i++;
    } else if ((c === '$' || c === '@') && (next === '(' || (c === '@' && next === '{'))) {
      push('boundary', i, i + 2);
      i += 2;
    } else if (SINGLE_QUOTES.includes(c) || DOUBLE_QUOTES.includes(c)) {
      const to = skipString(text, i, end);
      push('string', i, to.end, to.unterminated);
      i = to.end;
    } else {
      const to = skipWord(text, i, end);
      if (ASSIGNMENTS.has(text.slice(i, to))) push('boundary', i, to);
      else push('word', i, to);
      i = to;
    }
  }
  return tokens;
}

function skipString(text: string, start: number, end: number): { end: number; unterminated: boolean } {
  const quotes = SINGLE_QUOTES.includes(text[start]) ? SINGLE_QUOTES : DOUBLE_QUOTES;
  const expandable = quotes === DOUBLE_QUOTES;
  let i = start + 1;
  while (i < end) {
    const c = text[i];
    if (expandable && c === '`') {
      i += 2;
      continue;
    }
    if (quotes.includes(c)) {
      // A doubled quote stands for one quote character.
      if (i + 1 < end && quotes.includes(text[i + 1])) {
        i += 2;
        continue;
      }
      return { end: i + 1, unterminated: false };
    }
    i++;
  }
  return { end, unterminated: true };
}

function skipWord(text: string, start: number, end: number): number {
  const parameter = PARAMETER_DASHES.includes(text[start]) && /[A-Za-z_?]/.test(text[start + 1] ?? '');
  let i = start;
  while (i < end) {
    const c = text[i];
    if (c === ' ' || c === '\t' || c === '\r' || c === '\n' || c === '\u00a0' || BOUNDARY_CHARS.includes(c)) break;
    if (c === '`') {
      if (text[i + 1] === '\r' || text[i + 1] === '\n') break;
      i += 2;
      continue;
    }
    // `-Name:value`: the parameter token ends with its colon; the value is a token of its own.
    if (parameter && c === ':') return i + 1;
    if (i > start && (SINGLE_QUOTES.includes(c) || DOUBLE_QUOTES.includes(c))) {
      i = skipString(text, i, end).end;
      continue;
    }
    i++;
  }
  return Math.min(i, end);
}

/** A comment or string of the script, as the light lexer below finds it. */
export interface TextRegion {
  readonly type: 'comment' | 'string';
  readonly start: number;
  readonly end: number;
}

/**
 * Walks the comments, strings and here-strings of text[0, until) (a region that starts before `until` is
 * reported whole). `visit` returns true to stop. A light lexer: enough to tell code from text, not a parser.
 */
export function walkTextRegions(text: string, until: number, visit: (region: TextRegion) => boolean | void): void {
  let i = 0;
  while (i < until) {
    const c = text[i];
    const next = text[i + 1];
    let region: TextRegion | undefined;
    if (c === '#' && (i === 0 || /[\s;|{}()]/.test(text[i - 1]))) {
      region = { type: 'comment', start: i, end: lineEndOf(text, i) };
    } else if (c === '<' && next === '#') {
      const close = text.indexOf('#>', i + 2);
      region = { type: 'comment', start: i, end: close < 0 ? text.length : close + 2 };
    } else if (c === '@' && (next === '"' || next === "'") && /^[ \t]*(\r|\n)/.test(text.slice(i + 2, i + 200))) {
      // A here-string ends at a line that starts with its closing quote and @.
      const close = new RegExp(`(\\r\\n|\\n|\\r)${next}@`, 'g');
      close.lastIndex = i + 2;
      const match = close.exec(text);
      region = { type: 'string', start: i, end: match ? match.index + match[0].length : text.length };
    } else if (SINGLE_QUOTES.includes(c) || DOUBLE_QUOTES.includes(c)) {
      region = { type: 'string', start: i, end: skipString(text, i, text.length).end };
    }
    if (region) {
      if (visit(region) === true) return;
      i = Math.max(region.end, i + 1);
    } else {
      i += c === '`' ? 2 : 1;
    }
  }
}

/**
 * Whether the line starting at `lineStart` begins inside a string, here-string or block comment opened on an
 * earlier line (its text is then not code: `<# .EXAMPLE New-CsPublicProvider … #>`, `@" … "@`).
 */
export function startsInsideText(text: string, lineStart: number): boolean {
  let inside = false;
  walkTextRegions(text, lineStart, (region) => (inside = region.end > lineStart));
  return inside;
}

/** The comments of a script (line and block comments), found by the light lexer. */
export function scanComments(text: string): { readonly text: string; readonly start: number; readonly end: number }[] {
  const comments: { text: string; start: number; end: number }[] = [];
  walkTextRegions(text, text.length, (region) => {
    if (region.type === 'comment') comments.push({ text: text.slice(region.start, region.end), start: region.start, end: region.end });
  });
  return comments;
}

/** Scans the command the offset is in. */
export function scanCommandAt(text: string, offset: number): CommandScan {
  const line = logicalLineAround(text, offset);
  if (startsInsideText(text, line.start)) return { tokens: [], before: [], inCommentOrString: true, pipelineInput: false };
  const all = tokenize(text, line.start, line.end);
  const inside = all.find((t) => (t.type === 'comment' || t.type === 'string') && t.start < offset && (offset < t.end || t.unterminated === true || (t.type === 'comment' && t.end === offset)));
  let first = 0;
  let last = all.length;
  for (let i = 0; i < all.length; i++) {
    const token = all[i];
    if (token.type !== 'boundary') continue;
    if (token.end <= offset) first = i + 1;
    else if (token.start >= offset) {
      last = i;
      break;
    }
  }
  const tokens = all.slice(first, last).filter((t) => t.type === 'word' || t.type === 'string');
  const atCursor = tokens.find((t) => t.start < offset && offset <= t.end);
  const before = tokens.filter((t) => t.end <= offset && t !== atCursor && (!atCursor || t.start < atCursor.start));
  const previousBoundary = first > 0 ? all[first - 1] : undefined;
  return {
    tokens,
    ...(atCursor ? { atCursor } : {}),
    before,
    inCommentOrString: inside !== undefined,
    pipelineInput: previousBoundary?.text === '|',
  };
}
