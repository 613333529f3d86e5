import type { Node, Point, Tree } from 'web-tree-sitter';
import { readStatements, walkStatement, walkStatementAt, type ArgumentValue, type CommandElement, type ScriptCommand, type ScriptParts, type SplatEntry, type VariableAssignment } from './parse/commands';
import type { PowerShellParser } from './parse/parser';
import type { ScriptComment } from './suppress';
import type { LineIndex, Position, Range } from './text';

/**
 * Incremental parsing for an editor: the next version of a document is parsed with tree-sitter's incremental
 * parser (the old tree, edited), and only the top-level statements that changed are walked again. The others
 * keep what the walk found in them, moved to their new place.
 *
 * A top-level statement (a "unit") is a child of the script's statement list: a command line, a function, an if
 * statement, a loop, a comment. What the walk finds in a unit depends only on the unit's text (and on where the
 * unit is, which only moves positions): commands, comments and assignments never reach across units, and splats are
 * resolved afterwards, over the whole script (resolveSplats).
 */

/** Where a unit starts: its offset and position in the text of the version it was walked in. */
interface Base {
  readonly offset: number;
  readonly line: number;
  readonly character: number;
}

/** What the walk found in a unit, at its base. */
export interface Unit {
  readonly base: Base;
  readonly parts: ScriptParts;
  /** The indexes of its commands that hold a splat (resolved again for every version). */
  readonly splats: readonly number[];
}

/** Where a unit is in one version of the text; `unit` may have been walked in an earlier version (another base). */
interface Slot {
  readonly start: number;
  readonly end: number;
  /** The position of `start` in that version. */
  readonly line: number;
  readonly character: number;
  readonly unit: Unit;
}

/** A unit of the current version, with what was found in it moved to its place in that version. */
export interface PlacedUnit extends Unit {
  /**
   * The unit as kept for the next version. Its parts are this unit's parts, except when only the offsets moved
   * (`offset`): then they are the previous version's objects, whose positions are still right (only `startOffset`
   * and `endOffset` differ), so that what was computed for them can be found again by object.
   */
  readonly kept: Unit;
  /** Where the unit comes from: walked again, kept in place, or moved (by offset only, or in lines and columns). */
  readonly origin: 'walked' | 'same' | 'offset' | 'moved';
}

/**
 * The parse of one version of a document, kept to parse the next version incrementally. It holds a tree-sitter
 * tree, which lives in WebAssembly memory that JavaScript's garbage collector does not see: call `dispose()` when
 * the document closes. Passing it to `Linter.lintIncremental` hands it over: that call disposes of it.
 */
export class ParsedScript {
  private disposed = false;

  /** @internal */
  constructor(
    readonly text: string,
    /** @internal */ readonly tree: Tree,
    /** @internal */ readonly slots: readonly Slot[],
    /** @internal */ readonly index: LineIndex,
    /**
     * Whether this tree is the one a fresh parse gives. tree-sitter's incremental parse may differ from a fresh
     * parse where it recovers from syntax errors (and, once it did, in token ranges afterwards): a parse is exact
     * when it is fresh, or incremental from an exact one with no syntax error in either tree. Re-lint from scratch
     * (`lintIncremental` without a previous parse) when an editor is idle to get the exact result.
     */
    readonly exact: boolean,
  ) {}

  get isDisposed(): boolean {
    return this.disposed;
  }

  dispose(): void {
    if (this.disposed) return;
    this.disposed = true;
    this.tree.delete();
  }
}

/** The one edit that turns `before` into `after`: the common prefix and suffix are kept. Undefined when equal. */
export function diffTexts(before: string, after: string): { start: number; oldEnd: number; newEnd: number } | undefined {
  if (before === after) return undefined;
  const shorter = Math.min(before.length, after.length);
  // Whole chunks first (string comparison runs natively), then character by character.
  const CHUNK = 1024;
  let start = 0;
  while (start + CHUNK <= shorter && before.slice(start, start + CHUNK) === after.slice(start, start + CHUNK)) start += CHUNK;
  while (start < shorter && before.charCodeAt(start) === after.charCodeAt(start)) start++;
  let suffix = 0;
  while (suffix + CHUNK <= shorter - start && before.slice(before.length - suffix - CHUNK, before.length - suffix) === after.slice(after.length - suffix - CHUNK, after.length - suffix)) suffix += CHUNK;
  while (suffix < shorter - start && before.charCodeAt(before.length - 1 - suffix) === after.charCodeAt(after.length - 1 - suffix)) suffix++;
  return { start, oldEnd: before.length - suffix, newEnd: after.length - suffix };
}

/** tree-sitter's point for an offset: rows end at `\n` only; columns in UTF-16 code units (web-tree-sitter's unit). */
function pointAt(text: string, offset: number, index?: LineIndex): Point {
  // Without carriage returns the line index breaks lines where tree-sitter does.
  if (index && index.text === text && !text.includes('\r')) {
    const { line, character } = index.positionAt(offset);
    return { row: line, column: character };
  }
  let row = 0;
  let lineStart = 0;
  for (let at = text.indexOf('\n'); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return { row, column: offset - lineStart };
}

export interface IncrementalParse {
  readonly parsed: ParsedScript;
  /** The units of the new version, in document order. */
  readonly units: readonly PlacedUnit[];
  /** How much was walked again: for measurements and tests. */
  readonly stats: { readonly units: number; readonly walked: number; readonly moved: number };
}

/**
 * Parses `text` (incrementally from `previous` when given, which is disposed of) and walks the units that changed.
 */
export function parseIncrementally(parser: PowerShellParser, text: string, index: LineIndex, previous?: ParsedScript): IncrementalParse {
  if (!previous || previous.isDisposed) {
    const tree = parser.parse(text);
    return placeOrDelete(tree, () => placeFresh(tree, text, index));
  }
  const diff = diffTexts(previous.text, text);
  try {
    if (!diff) {
      const tree = previous.tree.copy();
      return placeOrDelete(tree, () => placeAllUnits(tree, text, index, [], previous.slots, (offset) => offset, previous.exact));
    }
    const hadError = previous.tree.rootNode.hasError;
    previous.tree.edit({
      startIndex: diff.start,
      oldEndIndex: diff.oldEnd,
      newEndIndex: diff.newEnd,
      startPosition: pointAt(previous.text, diff.start, previous.index),
      oldEndPosition: pointAt(previous.text, diff.oldEnd, previous.index),
      newEndPosition: pointAt(text, diff.newEnd, index),
    });
    const tree = parser.parse(text, previous.tree);
    const hasError = tree.rootNode.hasError;
    const exact = previous.exact && !hasError && !hadError;
    const delta = diff.newEnd - diff.oldEnd;
    // Where the previous version's units are in the new text: an offset before the edit stays, one after it moves.
    const oldOffset = (offset: number): number => (offset >= diff.newEnd ? offset - delta : offset);
    if (!hasError && !hadError) {
      // Without syntax errors in either tree, a top-level statement whose text did not change is parsed the same
      // way (a statement starts in the same state wherever it is): only the statements around the edit are read
      // from the new tree.
      const placed = placeOrDelete(tree, () => placeUnitsAround(tree, text, index, diff, previous.slots, exact));
      if (placed) return placed;
    }
    // With errors, recovery may reshape regions the edit did not touch: tree-sitter's changed ranges say where.
    const dirty: [number, number][] = [[diff.start, diff.newEnd]];
    if (hasError || hadError) for (const range of previous.tree.getChangedRanges(tree)) dirty.push([range.startIndex, range.endIndex]);
    return placeOrDelete(tree, () => placeAllUnits(tree, text, index, dirty, previous.slots, oldOffset, exact));
  } finally {
    previous.dispose();
  }
}

/** Runs `place`; frees the tree when it throws. */
function placeOrDelete<T>(tree: Tree, place: () => T): T {
  try {
    return place();
  } catch (error) {
    tree.delete();
    throw error;
  }
}

/** Builds the new version's units, one at a time. */
class Placer {
  readonly placed: PlacedUnit[] = [];
  readonly slots: Slot[] = [];
  walked = 0;
  moved = 0;

  constructor(private readonly index: LineIndex) {}

  /**
   * A unit read from the tree (what `walkStatement` found in it). The strings of a unit read again after an edit are
   * detached from the version's text (see `detached`); those of a fresh parse share the one text they keep.
   */
  read(found: ScriptParts, start: number, end: number, base: Base, fresh = false): void {
    this.walked++;
    const parts = fresh ? found : detachParts(found);
    const splats: number[] = [];
    parts.commands.forEach((command, i) => command.elements.some((e) => e.type === 'splat') && splats.push(i));
    const unit: Unit = { base, parts, splats };
    this.add({ base, parts, splats, kept: unit, origin: 'walked' }, start, end);
  }

  /** A unit of the previous version whose text did not change, now at `base`. */
  keep(previous: Unit, start: number, end: number, base: Base): void {
    // (Object literals, not spreads: V8 makes spreads of these slow, and this runs for every unit.)
    if (previous.base.line !== base.line || previous.base.character !== base.character) {
      this.moved++;
      const movedUnit: Unit = { base, parts: moveParts(previous.parts, previous.base, base), splats: previous.splats };
      this.add({ base, parts: movedUnit.parts, splats: previous.splats, kept: movedUnit, origin: 'moved' }, start, end);
    } else if (previous.base.offset !== base.offset) {
      this.add({ base, parts: moveParts(previous.parts, previous.base, base), splats: previous.splats, kept: previous, origin: 'offset' }, start, end);
    } else {
      this.add({ base: previous.base, parts: previous.parts, splats: previous.splats, kept: previous, origin: 'same' }, start, end);
    }
  }

  private add(unit: PlacedUnit, start: number, end: number): void {
    this.placed.push(unit);
    this.slots.push({ start, end, line: unit.base.line, character: unit.base.character, unit: unit.kept });
  }

  result(text: string, tree: Tree, exact: boolean): IncrementalParse {
    return { parsed: new ParsedScript(text, tree, this.slots, this.index, exact), units: this.placed, stats: { units: this.placed.length, walked: this.walked, moved: this.moved } };
  }
}

function baseAt(index: LineIndex, offset: number): Base {
  const position = index.positionAt(offset);
  return { offset, line: position.line, character: position.character };
}

/** What a unit's rules find may depend on its line's indentation: an edit anywhere on its first line counts. */
function touches(dirty: readonly [number, number][], base: Base, end: number): boolean {
  const lineStart = base.offset - base.character;
  return dirty.some(([from, to]) => from <= end && to >= lineStart);
}

/** A fresh parse: every top-level statement walked. */
function placeFresh(tree: Tree, text: string, index: LineIndex): IncrementalParse {
  const placer = new Placer(index);
  const { reader, statements } = readStatements(tree);
  for (const statement of statements) {
    const start = reader.start(statement);
    const end = reader.end(statement);
    placer.read(walkStatementAt(reader, statement, index, start, end), start, end, baseAt(index, start), true);
  }
  return placer.result(text, tree, true);
}

/** Reads every top-level statement of the new tree; those that match a unit of the previous version keep it. */
function placeAllUnits(tree: Tree, text: string, index: LineIndex, dirty: readonly [number, number][], kept: readonly Slot[], oldOffset: (offset: number) => number, exact: boolean): IncrementalParse {
  const placer = new Placer(index);
  let next = 0; // the previous version's slots, walked in step with the new units
  const { reader, statements } = readStatements(tree);
  for (const statement of statements) {
    const start = reader.start(statement);
    const end = reader.end(statement);
    const base = baseAt(index, start);
    const previous = touches(dirty, base, end) ? undefined : matchingUnit(text, kept, oldOffset(start), start, end, () => next, (n) => (next = n));
    if (previous) placer.keep(previous, start, end, base);
    else placer.read(walkStatementAt(reader, statement, index, start, end), start, end, base);
  }
  return placer.result(text, tree, exact);
}

/**
 * The unit of the previous version at `old` with the same length: an untouched unit lies wholly before or after
 * the edit, so it has the same text. (A unit that ends with a lone carriage return may break lines differently
 * depending on what follows it: it is read again.)
 */
function matchingUnit(text: string, kept: readonly Slot[], old: number, start: number, end: number, getNext: () => number, setNext: (n: number) => void): Unit | undefined {
  if (text.charCodeAt(end - 1) === 13) return undefined;
  let next = getNext();
  while (next < kept.length && kept[next].start < old) next++;
  setNext(next);
  const slot = kept[next];
  return slot && slot.start === old && slot.end - slot.start === end - start ? slot.unit : undefined;
}

/**
 * The fast way, for trees without syntax errors: the previous version's units before the edit stay where they
 * are; the new tree's statements are read from the edit on, until one matches a previous unit again; all the
 * previous units after that one move by the edit's length. Undefined when the trees do not line up as expected
 * (then every statement is read).
 */
function placeUnitsAround(tree: Tree, text: string, index: LineIndex, diff: { start: number; oldEnd: number; newEnd: number }, kept: readonly Slot[], exact: boolean): IncrementalParse | undefined {
  const root = tree.rootNode;
  if (root.isError) return undefined;
  const dirty: [number, number][] = [[diff.start, diff.newEnd]];
  const delta = diff.newEnd - diff.oldEnd;
  const units = new UnitCursor(root);
  // The previous units that end before the edit, and the first new statement that does not.
  let before = 0;
  while (before < kept.length && kept[before].end < diff.start) before++;
  let more = units.seek(diff.start);
  // (An edit after the last statement: rare enough to read them all.)
  if (!more) return undefined;
  // The new statement before that one must be the last previous unit kept as it is.
  const last = kept[before - 1];
  if (last ? !units.confirmPrevious(last.start, last.end) : units.hasPrevious()) return undefined;

  const placer = new Placer(index);
  for (let i = 0; i < before; i++) {
    const slot = kept[i];
    placer.keep(slot.unit, slot.start, slot.end, { offset: slot.start, line: slot.line, character: slot.character });
  }
  let next = before;
  while (more) {
    const start = units.start;
    const end = units.end;
    const base = baseAt(index, start);
    if (!touches(dirty, base, end)) {
      const previous = matchingUnit(text, kept, start - delta, start, end, () => next, (n) => (next = n));
      if (previous) {
        // In step again: this unit and every later one of the previous version, moved by the edit.
        const lines = base.line - kept[next].line;
        placer.keep(previous, start, end, base);
        for (let i = next + 1; i < kept.length; i++) {
          const slot = kept[i];
          placer.keep(slot.unit, slot.start + delta, slot.end + delta, { offset: slot.start + delta, line: slot.line + lines, character: slot.character });
        }
        return placer.result(text, tree, exact);
      }
    }
    placer.read(walkStatement(units.node(), index, start, end), start, end, base);
    more = units.next();
  }
  return placer.result(text, tree, exact);
}

/**
 * Moves over the top-level statements of a tree (the root's children, and the children of its statement lists)
 * without reading the others. (web-tree-sitter 0.25's TreeCursor.gotoFirstChildForIndex reads its argument from
 * the wrong place; Node.firstChildForIndex works.)
 */
class UnitCursor {
  private current: Node | null = null;
  /** The statement list the current statement belongs to, if it is not a child of the root. */
  private list: Node | null = null;

  constructor(private readonly root: Node) {}

  get start(): number {
    return this.current?.startIndex ?? 0;
  }

  get end(): number {
    return this.current?.endIndex ?? 0;
  }

  node(): Node {
    if (!this.current) throw new Error('no current statement');
    return this.current;
  }

  /** Moves to the first statement that ends at or after `offset`; false when there is none. */
  seek(offset: number): boolean {
    this.list = null;
    return this.settle(offset > 0 ? this.root.firstChildForIndex(offset - 1) : this.root.firstChild, offset);
  }

  /** At a root child: descends into a statement list (to its first statement ending at or after `offset`). */
  private settle(node: Node | null, offset: number): boolean {
    while (node && node.type === 'statement_list') {
      const statement = offset > 0 ? node.firstChildForIndex(offset - 1) : node.firstChild;
      if (statement) {
        this.list = node;
        this.current = statement;
        return true;
      }
      // An empty statement list (or one whose statements end before `offset`): on to the root's next child.
      node = node.nextSibling;
    }
    this.list = null;
    this.current = node;
    return node !== null;
  }

  next(): boolean {
    if (!this.current) return false;
    const sibling = this.current.nextSibling;
    if (sibling) {
      if (this.list) {
        this.current = sibling;
        return true;
      }
      return this.settle(sibling, 0);
    }
    if (!this.list) return (this.current = null), false;
    const after = this.list.nextSibling;
    this.list = null;
    return this.settle(after, 0);
  }

  /** The statement before the current one, if any. */
  private previous(): Node | null {
    if (!this.current) return null;
    let before = this.current.previousSibling;
    if (!before && this.list) before = this.list.previousSibling;
    while (before && before.type === 'statement_list') before = before.lastChild ?? before.previousSibling;
    return before;
  }

  hasPrevious(): boolean {
    return this.previous() !== null;
  }

  /** Whether the statement just before the current one spans exactly start..end. */
  confirmPrevious(start: number, end: number): boolean {
    const before = this.previous();
    return before !== null && before.startIndex === start && before.endIndex === end;
  }
}

// ---------------------------------------------------------------------------------------------------------
// Moving what a unit holds to a new place

function moveParts(parts: ScriptParts, from: Base, to: Base): ScriptParts {
  const offset = to.offset - from.offset;
  if (from.line === to.line && from.character === to.character) {
    // Only the offsets move: positions stay, and so do the objects that hold only positions. (Object literals
    // rather than spreads: this runs for every command after the edit, on every keystroke.)
    return {
      commands: parts.commands.map((c) => ({ name: c.name, nameRange: c.nameRange, range: c.range, elements: c.elements, pipelineInput: c.pipelineInput, startOffset: c.startOffset + offset, endOffset: c.endOffset + offset })),
      comments: parts.comments,
      assignments: parts.assignments.map((a) => ({ variable: a.variable, endOffset: a.endOffset + offset, entries: a.entries })),
    };
  }
  const lines = to.line - from.line;
  const columns = to.character - from.character;
  // Positions on the unit's first line move by the columns too; the others keep their column.
  const position = (p: Position): Position => ({ line: p.line + lines, character: p.line === from.line ? p.character + columns : p.character });
  const mover = new Mover(position, offset);
  return {
    commands: parts.commands.map((c) => mover.command(c)),
    comments: parts.comments.map((c) => mover.comment(c)),
    assignments: parts.assignments.map((a) => mover.assignment(a)),
  };
}

/** Copies what a walk found, changing every position with `position`, every offset by `offset` and every string with `string`. */
class Mover {
  constructor(
    private readonly position: (p: Position) => Position,
    private readonly offset: number,
    private readonly string: (s: string) => string = (s) => s,
  ) {}

  range(range: Range): Range {
    return { start: this.position(range.start), end: this.position(range.end) };
  }

  // (Object literals rather than spreads, in the order the walk writes them: V8 then gives them the same shapes.)
  value(value: ArgumentValue): ArgumentValue {
    const text = this.string(value.text);
    const range = this.range(value.range);
    if (value.elements) return { text, range, kind: value.kind, elements: value.elements.map((e) => this.value(e)) };
    if (value.literal !== undefined) return { text, range, kind: value.kind, literal: this.string(value.literal) };
    return { text, range, kind: value.kind };
  }

  entry(entry: SplatEntry): SplatEntry {
    return { name: this.string(entry.name), nameRange: this.range(entry.nameRange), value: this.value(entry.value) };
  }

  element(element: CommandElement): CommandElement {
    switch (element.type) {
      case 'parameter':
        return { type: 'parameter', name: this.string(element.name), range: this.range(element.range), colon: element.colon, alternativeDash: element.alternativeDash };
      case 'value':
        return { type: 'value', value: this.value(element.value) };
      case 'splat':
        return { type: 'splat', variable: this.string(element.variable), range: this.range(element.range), entries: element.entries?.map((e) => this.entry(e)) };
    }
  }

  command(command: ScriptCommand): ScriptCommand {
    return {
      name: this.string(command.name),
      nameRange: this.range(command.nameRange),
      range: this.range(command.range),
      elements: command.elements.map((e) => this.element(e)),
      pipelineInput: command.pipelineInput,
      startOffset: command.startOffset + this.offset,
      endOffset: command.endOffset + this.offset,
    };
  }

  comment(comment: ScriptComment): ScriptComment {
    return { text: this.string(comment.text), range: this.range(comment.range) };
  }

  assignment(assignment: VariableAssignment): VariableAssignment {
    return { variable: this.string(assignment.variable), endOffset: assignment.endOffset + this.offset, entries: assignment.entries?.map((e) => this.entry(e)) };
  }
}

/**
 * A copy of a string that does not keep the string it was cut from alive. V8 represents a long `slice` as a view of
 * the original: the names and values of a unit kept for many versions would otherwise keep the whole text of the
 * version it was walked in.
 */
function detached(text: string): string {
  return text.length < 13 ? text : (' ' + text).slice(1);
}

/** What a walk found, with its strings detached from the document's text (positions unchanged). */
function detachParts(parts: ScriptParts): ScriptParts {
  const mover = new Mover((p) => p, 0, detached);
  return {
    commands: parts.commands.map((c) => mover.command(c)),
    comments: parts.comments.map((c) => mover.comment(c)),
    assignments: parts.assignments.map((a) => mover.assignment(a)),
  };
}
