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

  constructor(readonly text: string) {
    if (!text.includes('\r')) {
      // Only line feeds: the native search is several times faster than a loop over the characters.
      for (let at = text.indexOf('\n'); at !== -1; at = text.indexOf('\n', at + 1)) this.lineStarts.push(at + 1);
      return;
    }
    for (let i = 0; i < text.length; i++) {
      const ch = text.charCodeAt(i);
      if (ch === 10 /* \n */) this.lineStarts.push(i + 1);
      else if (ch === 13 /* \r */ && text.charCodeAt(i + 1) !== 10) this.lineStarts.push(i + 1);
    }
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

export function rangeContains(outer: Range, inner: Range): boolean {
  return comparePositions(outer.start, inner.start) <= 0 && comparePositions(inner.end, outer.end) <= 0;
}

export function comparePositions(a: Position, b: Position): number {
  return a.line - b.line || a.character - b.character;
}
