/**
 * What the parser finds as it goes (commands, assignments), kept in document order without a sort, and handed over
 * statement by statement when the script is read as it is parsed (`parseScriptInto`).
 */
import { objectList } from '../util/object-list';

/**
 * The commands (or assignments) found. Each takes its place in the list when it starts, with its start, and is written
 * there when it is read (a place left empty if it turns out to be none), so that those nested in it come after it.
 */
export class FoundInOrder<T> {
  // (The arrays are kept at the largest size they reached, `count` says how much of them is in use: once all that was
  // found is handed over, the lists start again from their first place, and do not grow over a whole script.)
  private readonly items: (T | undefined)[] = objectList();
  /** Where each starts: the order is checked on these numbers, not on the nodes spread over the heap (0.5 ms instead of 6.7 a parse of the benchmark script). */
  private readonly starts: number[] = [];
  private count = 0;
  /** The places before this one were handed over (`takeBefore`). */
  private handedOver = 0;

  get length(): number {
    return this.count;
  }

  /** A place for an item that starts at `start`. */
  reserve(start: number): number {
    const place = this.count++;
    this.starts[place] = start;
    this.items[place] = undefined;
    return place;
  }

  fill(place: number, item: T): void {
    this.items[place] = item;
  }

  /** Forgets what was found after the first `length` places that starts at or after `offset`. */
  forgetFrom(length: number, offset: number): void {
    let kept = length;
    for (let i = length; i < this.count; i++) {
      if (this.starts[i] >= offset) continue;
      this.items[kept] = this.items[i];
      this.starts[kept++] = this.starts[i];
    }
    this.truncate(kept);
  }

  /** Forgets what was found after the first `length` places (a backtrack). */
  truncate(length: number): void {
    if (length >= this.count) return;
    for (let i = length; i < this.count; i++) this.items[i] = undefined;
    this.count = length;
  }

  append(other: FoundInOrder<T>): void {
    for (let i = 0; i < other.count; i++) this.fill(this.reserve(other.starts[i]), other.items[i] as T);
  }

  /**
   * Takes what was found that starts before `offset`, in document order (as `inDocumentOrder`), and lets go of it; the
   * rest stays. (Marks are places, `truncate`: the places taken stay, emptied, until all is taken.)
   */
  takeBefore(offset: number, startOf: (item: T) => number): T[] {
    const from = this.handedOver;
    let to = from;
    while (to < this.count && this.starts[to] < offset) to++;
    for (let i = to; i < this.count; i++) {
      // (Rare: what a look-ahead found comes last; anything else found before `offset` is moved before it.)
      if (this.starts[i] < offset) return this.takeScattered(offset, startOf);
    }
    const taken = inDocumentOrder(this.items, this.starts, from, to, startOf);
    // (A loop: `fill` is a call into the runtime, dear for the one or two places a statement mostly hands over.)
    for (let i = from; i < to; i++) this.items[i] = undefined;
    this.handedOver = to;
    // (All taken: no mark is held between top-level statements, where the parser hands over.)
    if (to === this.count) this.count = this.handedOver = 0;
    return taken;
  }

  private takeScattered(offset: number, startOf: (item: T) => number): T[] {
    const before: number[] = [];
    const after: number[] = [];
    for (let i = this.handedOver; i < this.count; i++) (this.starts[i] < offset ? before : after).push(i);
    const order = [...before, ...after];
    const items = order.map((i) => this.items[i]);
    const starts = order.map((i) => this.starts[i]);
    for (let k = 0; k < order.length; k++) {
      this.items[this.handedOver + k] = items[k];
      this.starts[this.handedOver + k] = starts[k];
    }
    return this.takeBefore(offset, startOf);
  }

  /**
   * What was found, in document order, each once. The list is in order but for rare cases (a token read again after a
   * backtrack, an assignment in an assignment's target): only then is it sorted. A `$( … )` in a string run together
   * with a word (`"$(Get-X)"y`) is read twice: each is kept once.
   */
  inDocumentOrder(startOf: (item: T) => number): T[] {
    return inDocumentOrder(this.items, this.starts, this.handedOver, this.count, startOf);
  }
}

/** The items from `from` to `to` that were found (`FoundInOrder`), in document order, each once. */
function inDocumentOrder<T>(items: readonly (T | undefined)[], starts: readonly number[], from: number, to: number, startOf: (item: T) => number): T[] {
  // (Mostly all are there, in order, once: a copy at their count. A list grown by `push` takes 17 slots at once, for
  // the one or two items a top-level statement mostly hands over.)
  if (allInOrder(items, starts, from, to)) return items.slice(from, to) as T[];
  const list: T[] = [];
  let last = -1;
  for (let i = from; i < to; i++) {
    const item = items[i];
    if (item === undefined) continue;
    const start = starts[i];
    if (start < last) return sortedOnce(items.slice(from, to), startOf);
    if (start !== last) list.push(item);
    last = start;
  }
  return list;
}

/** Whether the items from `from` to `to` are all there, each after the one before. */
function allInOrder(items: readonly unknown[], starts: readonly number[], from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (items[i] === undefined || (i > from && starts[i] <= starts[i - 1])) return false;
  return true;
}

function sortedOnce<T>(items: readonly (T | undefined)[], startOf: (item: T) => number): T[] {
  const list = items.filter((item) => item !== undefined).sort((a, b) => startOf(a) - startOf(b));
  return list.filter((item, i) => i === 0 || startOf(list[i - 1]) !== startOf(item));
}
