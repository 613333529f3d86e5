/** Positions and ranges as the engine speaks them: 0-based lines and UTF-16 columns (as LSP does). */

export interface Position {
  readonly line: number;
  readonly character: number;
}

export interface Range {
  readonly start: Position;
  readonly end: Position;
}

/** A replacement of the text in `range` by `newText`. */
export interface TextEdit {
  readonly range: Range;
  readonly newText: string;
}

/** Where two versions of a text differ: from `start` to `end` in the new one (from the same `start` in the old one). */
export interface TextChange {
  readonly start: number;
  readonly end: number;
}

export function changeBetween(before: string, after: string): TextChange {
  const start = commonPrefixLength(before, after);
  const end = after.length - commonSuffixLength(before, after, start);
  return { start, end };
}

/** Block sizes for comparing texts: comparing two slices is native code, and a slice costs no copy. */
const BLOCKS = [4096, 256, 16];

function commonPrefixLength(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let i = 0;
  for (const block of BLOCKS) while (i + block <= max && a.slice(i, i + block) === b.slice(i, i + block)) i += block;
  while (i < max && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of `a` and `b`, not reaching into their first `prefix` characters. */
function commonSuffixLength(a: string, b: string, prefix: number): number {
  const max = Math.min(a.length, b.length) - prefix;
  let n = 0;
  for (const block of BLOCKS)
    while (n + block <= max && a.slice(a.length - n - block, a.length - n) === b.slice(b.length - n - block, b.length - n)) n += block;
  while (n < max && a.charCodeAt(a.length - n - 1) === b.charCodeAt(b.length - n - 1)) n++;
  return n;
}

/** How many of the last positions made a `LineIndex` keeps to hand out again. */
const RECENT = 4;

/** Converts string offsets to positions and back, with one scan of the text. */
export class LineIndex {
  private readonly lineStarts: number[] = [0];
  /** The line of the last position asked: readers ask in document order, mostly on the same line or the next. */
  private lastLine = 0;
  /**
   * The last positions made, shared by the ranges that start or end at the same offset (positions are never changed):
   * a command's range starts where its name does and ends where its last element does.
   */
  private readonly recentOffsets: number[] = new Array<number>(RECENT).fill(-1);
  private readonly recentPositions: Position[] = new Array<Position>(RECENT).fill({ line: 0, character: 0 });
  private nextRecent = 0;

  /** With `lineStarts`, those of `text` (`edited`); else they are found in it. */
  constructor(
    readonly text: string,
    lineStarts?: number[],
  ) {
    if (lineStarts) {
      this.lineStarts = lineStarts;
      return;
    }
    if (!text.includes('\r')) {
      // Only line feeds: the native search is several times faster than a loop over the characters.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    pushLineStarts(text, 0, text.length, this.lineStarts);
  }

  /**
   * The index of `text`, an edited version of the text of `previous`, changed where `change` says: the lines before
   * the change keep their starts, those after it are moved by the change's length, and only the changed text is
   * searched for line breaks (a keystroke in a 5,000-line script: no scan of its 200 KB).
   */
  static edited(previous: LineIndex, text: string, change: TextChange = changeBetween(previous.text, text)): LineIndex {
    const before = previous.lineStarts;
    const delta = text.length - previous.text.length;
    // A line start depends on the characters before and at it (a carriage return starts a line unless a line feed
    // follows): those before the change's start are as they were, those at and after its end moved by `delta`.
    let kept = 1; // (the first line starts at 0, whatever the change)
    while (kept < before.length && before[kept] < change.start) kept++;
    const lineStarts = before.slice(0, kept);
    pushLineStarts(text, Math.max(0, change.start - 1), change.end, lineStarts);
    let after = before.length;
    while (after > kept && before[after - 1] > change.end - delta) after--;
    for (let i = after; i < before.length; i++) lineStarts.push(before[i] + delta);
    return new LineIndex(text, lineStarts);
  }

  get lineCount(): number {
    return this.lineStarts.length;
  }

  positionAt(offset: number): Position {
    const clamped = offset < 0 ? 0 : offset > this.text.length ? this.text.length : offset;
    const offsets = this.recentOffsets;
    for (let i = 0; i < RECENT; i++) if (offsets[i] === clamped) return this.recentPositions[i];
    const line = this.lineOf(clamped);
    const position = { line, character: clamped - this.lineStarts[line] };
    offsets[this.nextRecent] = clamped;
    this.recentPositions[this.nextRecent] = position;
    this.nextRecent = (this.nextRecent + 1) % RECENT;
    return position;
  }

  /**
   * The line of an offset. Readers ask in document order: the search gallops forward from the line of the last answer
   * (1, 2, 4… lines on) before it halves, so an offset on the same or a nearby line costs a step or two.
   */
  private lineOf(offset: number): number {
    const starts = this.lineStarts;
    let low = 0;
    let high = starts.length - 1;
    const last = this.lastLine;
    if (starts[last] <= offset) {
      low = last;
      for (let step = 1; low + step <= high; step *= 2) {
        if (starts[low + step] > offset) {
          high = low + step - 1;
          break;
        }
        low += step;
      }
    } else {
      high = last - 1;
    }
    while (low < high) {
      const mid = (low + high + 1) >> 1;
      if (starts[mid] <= offset) low = mid;
      else high = mid - 1;
    }
    this.lastLine = low;
    return low;
  }

  offsetAt(position: Position): number {
    if (position.line < 0) return 0;
    if (position.line >= this.lineStarts.length) return this.text.length;
    const lineStart = this.lineStarts[position.line];
    const nextLineStart = position.line + 1 < this.lineStarts.length ? this.lineStarts[position.line + 1] : this.text.length;
    let offset = Math.min(lineStart + Math.max(0, position.character), nextLineStart);
    // A character beyond the line's end means the line's end (as LSP says), not the next line.
    while (offset > lineStart && (this.text.charCodeAt(offset - 1) === 10 || this.text.charCodeAt(offset - 1) === 13)) offset--;
    return offset;
  }

  rangeOf(startOffset: number, endOffset: number): Range {
    return { start: this.positionAt(startOffset), end: this.positionAt(endOffset) };
  }

  /**
   * The range of two offsets, its positions worked out when first read (`LazyRange`). It holds on to this index, and
   * so to its text, as long as it lives.
   */
  lazyRangeOf(startOffset: number, endOffset: number): Range {
    return new LazyRange(this, startOffset, endOffset);
  }

  /** The text a range covers. */
  textIn(range: Range): string {
    return this.text.slice(this.offsetAt(range.start), this.offsetAt(range.end));
  }

  /** The text of one line without its line break. */
  lineText(line: number): string {
    const start = this.lineStarts[line] ?? this.text.length;
    const end = line + 1 < this.lineStarts.length ? this.lineStarts[line + 1] : this.text.length;
    return this.text.slice(start, end).replace(/\r?\n$|\r$/, '');
  }
}

/**
 * A range whose positions are worked out when first read. Most ranges of the command model are never read: a lint
 * of the benchmark's 50,000-line script has about 85,000 and reads 5,000 (those of its findings, mostly), and making
 * them all, three objects each, was a tenth of the lint (docs/performance.md, "Lazy ranges"). The model's parameters,
 * values and commands now hold their offsets themselves (`parse/model.ts`); splats and hashtable entries have these.
 * Serialised (`toJSON`) as a plain range.
 */
class LazyRange implements Range {
  // (Each end is its offset until first read, then its position: three fields, not five, for the tens of thousands
  // of ranges a large script's model holds.)
  private from: number | Position;
  private to: number | Position;

  constructor(
    private readonly index: LineIndex,
    startOffset: number,
    endOffset: number,
  ) {
    this.from = startOffset;
    this.to = endOffset;
  }

  get start(): Position {
    const from = this.from;
    return typeof from === 'number' ? (this.from = this.index.positionAt(from)) : from;
  }

  get end(): Position {
    const to = this.to;
    return typeof to === 'number' ? (this.to = this.index.positionAt(to)) : to;
  }

  toJSON(): Range {
    return { start: this.start, end: this.end };
  }
}

/** Adds the starts of the lines that the line breaks from `from` up to (not including) `to` begin. */
function pushLineStarts(text: string, from: number, to: number, lineStarts: number[]): void {
  for (let i = from; i < to; i++) {
    const ch = text.charCodeAt(i);
    if (ch === 10 /* \n */) lineStarts.push(i + 1);
    else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) lineStarts.push(i + 1);
  }
}

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
