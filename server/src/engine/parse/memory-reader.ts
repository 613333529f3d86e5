import type { Language, Point, Tree } from 'web-tree-sitter';
import { TreeReader, type NodeRef, type TreeSitterModule } from './reader';

/*
 * Where tree-sitter 0.25 (web-tree-sitter 0.25.x, 32-bit WebAssembly) keeps what the reader reads, from its sources
 * (lib/subtree.h, lib/parser.h in the web-tree-sitter package). A subtree is an 8-byte slot: either an inline leaf
 * (lowest bit set) or the address of its heap data, with the slots of its children just before that data.
 */
const SLOT_BYTES = 8;
/** Inline leaf: byte 0 flags, byte 1 symbol, byte 4 padding columns, byte 5 padding rows (low 4 bits), byte 6 padding bytes, byte 7 size bytes. */
const INLINE_BIT = 1;
const INLINE_VISIBLE = 1 << 1;
const INLINE_NAMED = 1 << 2;
const INLINE_MISSING = 1 << 5;
/** Heap data: byte offsets of its fields. */
const HEAP_PADDING = 4; // bytes, rows, columns (3 × u32)
const HEAP_SIZE = 16; // bytes, rows, columns (3 × u32)
const HEAP_ERROR_COST = 32;
const HEAP_CHILD_COUNT = 36;
const HEAP_SYMBOL = 40; // u16
const HEAP_FLAGS = 44; // u16: visible, named, extra, …, is_missing (bit 9)
const HEAP_VISIBLE_CHILD_COUNT = 48;
const FLAG_VISIBLE = 1;
const FLAG_NAMED = 1 << 1;
const FLAG_MISSING = 1 << 9;
/** TSLanguage: byte offsets of the fields the reader reads. */
const LANGUAGE_PRODUCTION_ID_COUNT = 28;
const LANGUAGE_MAX_ALIAS_SEQUENCE_LENGTH = 36; // u16
const LANGUAGE_PUBLIC_SYMBOL_MAP = 76; // u16 per symbol
const LANGUAGE_ALIAS_SEQUENCES = 84; // u16 per production and child
const ERROR_SYMBOL = 65535;

/** A frame of the descent stack: the first child's slot, the child count, the next child, its position (bytes, row, column). */
const FRAME_WORDS = 6;

/**
 * A tree reader that reads the tree where tree-sitter keeps it, in WebAssembly memory, instead of calling into
 * WebAssembly for each question: tree-sitter's own iteration over a node's children (hidden nodes stand for their
 * children), in JavaScript. It answers as `TreeReader` does, without a call, a copy through the transfer buffer and an
 * allocation in WebAssembly per question: 7–8% less time for the whole lint of a long script. What it leans on is
 * tree-sitter's internal layout (above), so it is used only when it reads the load-time sample exactly as
 * web-tree-sitter's own API does (`checkReader`, parser.ts), and the tests compare it so over every test script and
 * fuzz case. Nodes keep the marshalled form, so the questions it leaves to WebAssembly (fields,
 * `namedDescendantSpanning`) take them unchanged. Positions inside are in bytes of UTF-16 text, as tree-sitter counts;
 * nodes hold code units. It does not follow alias sequences (nodes renamed in a rule): `forLanguage` declines a
 * grammar that has them (the PowerShell grammar has none).
 */
export class MemoryTreeReader extends TreeReader {
  private u8: Uint8Array = new Uint8Array(0);
  private u16: Uint16Array = new Uint16Array(0);
  private u32: Uint32Array = new Uint32Array(0);
  /** The descent stack of `descendantsOfType` and `children` (FRAME_WORDS per subtree whose children it iterates), reused. */
  private frames = new Int32Array(FRAME_WORDS * 64);
  private depth = 0;
  /** The child `nextChild` moved to (fields, not a returned tuple: this runs for every node a walk passes). */
  private childSlot = 0;
  private childBytes = 0;
  private childRow = 0;
  private childColumn = 0;
  private childVisible = false;
  /** For each list of type names asked for, which public symbols have one of them (1) or not (0). */
  private readonly symbolSets = new WeakMap<readonly string[], Uint8Array>();

  private constructor(module: TreeSitterModule, language: Language, private readonly publicSymbols: number) {
    super(module, language.types, language.fields);
  }

  /** A memory reader for trees of the language, unless the language renames nodes by alias sequences. */
  static forLanguage(module: TreeSitterModule, language: Language): MemoryTreeReader | undefined {
    const address = (language as unknown as { 0: number })[0];
    const u16 = new Uint16Array(module.HEAP32.buffer);
    const u32 = new Uint32Array(module.HEAP32.buffer);
    const sequences = u32[(address + LANGUAGE_ALIAS_SEQUENCES) >> 2] >> 1;
    const length = u32[(address + LANGUAGE_PRODUCTION_ID_COUNT) >> 2] * u16[(address + LANGUAGE_MAX_ALIAS_SEQUENCE_LENGTH) >> 1];
    if (u16.subarray(sequences, sequences + length).some((alias) => alias !== 0)) return undefined;
    return new MemoryTreeReader(module, language, u32[(address + LANGUAGE_PUBLIC_SYMBOL_MAP) >> 2]);
  }

  override open(tree: Tree): this {
    super.open(tree);
    // (Views made again when the module's memory grew since: growing replaces its buffer.)
    const buffer = this.module.HEAP32.buffer;
    if (buffer !== this.u8.buffer) {
      this.u8 = new Uint8Array(buffer);
      this.u16 = new Uint16Array(buffer);
      this.u32 = new Uint32Array(buffer);
    }
    return this;
  }

  override end(ref: NodeRef): number {
    const slot = this.nodes[ref];
    return this.start(ref) + ((this.isInline(slot) ? this.u8[slot + 7] : this.u32[(this.heap(slot) + HEAP_SIZE) >> 2]) >> 1);
  }

  override type(ref: NodeRef): string {
    return this.types[this.publicSymbol(this.nodes[ref])] ?? 'ERROR';
  }

  override isError(ref: NodeRef): boolean {
    return this.publicSymbol(this.nodes[ref]) === ERROR_SYMBOL;
  }

  /** (`ts_subtree_error_cost` > 0: a missing node, or a subtree that holds an error.) */
  override hasError(ref: NodeRef): boolean {
    const slot = this.nodes[ref];
    if (this.isMissingSlot(slot)) return true;
    return !this.isInline(slot) && this.u32[(this.heap(slot) + HEAP_ERROR_COST) >> 2] > 0;
  }

  override isMissing(ref: NodeRef): boolean {
    return this.isMissingSlot(this.nodes[ref]);
  }

  override children(ref: NodeRef): NodeRef[] {
    return this.visibleChildren(ref, false);
  }

  override namedChildren(ref: NodeRef): NodeRef[] {
    return this.visibleChildren(ref, true);
  }

  /** (Not for ERROR nodes: the engine does not ask for them.) */
  override descendantsOfType(ref: NodeRef, types: readonly string[], from?: Point, to?: Point): NodeRef[] {
    const symbols = this.symbolSet(types);
    const found: NodeRef[] = [];
    // Points in bytes; no end (or the point 0,0, as web-tree-sitter reads it) means the end of the node.
    const fromRow = from?.row ?? 0;
    const fromColumn = (from?.column ?? 0) * 2;
    const unbounded = !to || (to.row === 0 && to.column === 0);
    const toRow = unbounded ? Infinity : to.row;
    const toColumn = unbounded ? Infinity : to.column * 2;
    const nodes = this.nodes;
    const slot = nodes[ref];
    const row = nodes[ref + 2];
    const column = nodes[ref + 3] * 2;
    // The node itself, then its descendants in document order: skip those that end before `from`, stop at the first
    // that starts at or after `to`. (Hidden nodes are judged too: what is outside the points is so for all of their
    // descendants.)
    if (this.endsAtOrBefore(slot, row, column, fromRow, fromColumn) || pointAtOrBefore(toRow, toColumn, row, column)) return found;
    if (symbols[this.publicSymbol(slot)]) found.push(ref);
    this.depth = 0;
    this.pushFrame(slot, nodes[ref + 1] * 2, row, column);
    while (this.depth > 0) {
      if (!this.nextChild()) continue;
      const { childSlot, childBytes, childRow, childColumn } = this;
      if (this.endsAtOrBefore(childSlot, childRow, childColumn, fromRow, fromColumn)) continue;
      if (pointAtOrBefore(toRow, toColumn, childRow, childColumn)) break;
      if (this.childVisible && symbols[this.publicSymbol(childSlot)]) found.push(this.add(childSlot, childBytes, childRow, childColumn));
      this.pushFrame(childSlot, childBytes, childRow, childColumn);
    }
    return found;
  }

  private symbolSet(types: readonly string[]): Uint8Array {
    let set = this.symbolSets.get(types);
    if (!set) {
      const symbols = new Uint8Array(ERROR_SYMBOL + 1);
      this.types.forEach((type, symbol) => {
        if (types.includes(type)) symbols[symbol] = 1;
      });
      this.symbolSets.set(types, symbols);
      set = symbols;
    }
    return set;
  }

  /** The visible (or visible and named) children of a node: a hidden child stands for its own. */
  private visibleChildren(ref: NodeRef, namedOnly: boolean): NodeRef[] {
    const nodes = this.nodes;
    const children: NodeRef[] = [];
    this.depth = 0;
    this.pushFrame(nodes[ref], nodes[ref + 1] * 2, nodes[ref + 2], nodes[ref + 3] * 2);
    while (this.depth > 0) {
      if (!this.nextChild()) continue;
      const { childSlot, childBytes, childRow, childColumn } = this;
      if (!this.childVisible) this.pushFrame(childSlot, childBytes, childRow, childColumn);
      else if (!namedOnly || this.isNamed(childSlot)) children.push(this.add(childSlot, childBytes, childRow, childColumn));
    }
    return children;
  }

  /**
   * Starts iterating a subtree's children (nothing for a leaf), from the subtree's start position: a parent's
   * padding is its first child's, so its first child starts where it does.
   */
  private pushFrame(slot: number, bytes: number, row: number, column: number): void {
    if (this.isInline(slot)) return;
    const data = this.heap(slot);
    const count = this.u32[(data + HEAP_CHILD_COUNT) >> 2];
    if (count === 0) return;
    if ((this.depth + 1) * FRAME_WORDS > this.frames.length) {
      const grown = new Int32Array(this.frames.length * 2);
      grown.set(this.frames);
      this.frames = grown;
    }
    const at = this.depth++ * FRAME_WORDS;
    const frames = this.frames;
    frames[at] = data - count * SLOT_BYTES;
    frames[at + 1] = count;
    frames[at + 2] = 0;
    frames[at + 3] = bytes;
    frames[at + 4] = row;
    frames[at + 5] = column;
  }

  /**
   * Moves to the next child of the innermost frame that is visible or has visible children, and sets `child…` to its
   * slot, start position and visibility; false when the frame is done (and popped). One function that reads each
   * child's words once: it runs for every node a walk passes.
   */
  private nextChild(): boolean {
    const { frames, u8, u16, u32 } = this;
    const at = (this.depth - 1) * FRAME_WORDS;
    const first = frames[at];
    const count = frames[at + 1];
    let bytes = frames[at + 3];
    let row = frames[at + 4];
    let column = frames[at + 5];
    for (let index = frames[at + 2]; index < count; index++) {
      const slot = first + index * SLOT_BYTES;
      const inlineFlags = u8[slot];
      let visible: boolean;
      let sizeBytes: number;
      let sizeRows = 0;
      let sizeColumns: number;
      let hasVisibleChildren = false;
      // The child starts after its padding (the first child's is its parent's own, already counted).
      if (inlineFlags & INLINE_BIT) {
        if (index > 0) {
          const paddingRows = u8[slot + 5] & 15;
          bytes += u8[slot + 6];
          row += paddingRows;
          column = paddingRows > 0 ? u8[slot + 4] : column + u8[slot + 4];
        }
        visible = (inlineFlags & INLINE_VISIBLE) !== 0;
        sizeBytes = sizeColumns = u8[slot + 7];
      } else {
        const data = u32[slot >> 2] >> 2;
        if (index > 0) {
          const padding = data + (HEAP_PADDING >> 2);
          const paddingRows = u32[padding + 1];
          bytes += u32[padding];
          row += paddingRows;
          column = paddingRows > 0 ? u32[padding + 2] : column + u32[padding + 2];
        }
        visible = (u16[(data << 1) + (HEAP_FLAGS >> 1)] & FLAG_VISIBLE) !== 0;
        const size = data + (HEAP_SIZE >> 2);
        sizeBytes = u32[size];
        sizeRows = u32[size + 1];
        sizeColumns = u32[size + 2];
        hasVisibleChildren = u32[data + (HEAP_CHILD_COUNT >> 2)] !== 0 && u32[data + (HEAP_VISIBLE_CHILD_COUNT >> 2)] !== 0;
      }
      // (`length_add`: a length that spans rows ends at its own column.)
      const endRow = row + sizeRows;
      const endColumn = sizeRows > 0 ? sizeColumns : column + sizeColumns;
      if (visible || hasVisibleChildren) {
        this.childSlot = slot;
        this.childBytes = bytes;
        this.childRow = row;
        this.childColumn = column;
        this.childVisible = visible;
        frames[at + 2] = index + 1;
        frames[at + 3] = bytes + sizeBytes;
        frames[at + 4] = endRow;
        frames[at + 5] = endColumn;
        return true;
      }
      bytes += sizeBytes;
      row = endRow;
      column = endColumn;
    }
    this.depth--;
    return false;
  }

  /** Whether a subtree starting at row, column (bytes) ends at or before the point. */
  private endsAtOrBefore(slot: number, row: number, column: number, pointRow: number, pointColumn: number): boolean {
    const { u8, u32 } = this;
    if (u8[slot] & INLINE_BIT) return pointAtOrBefore(row, column + u8[slot + 7], pointRow, pointColumn);
    const size = (this.heap(slot) + HEAP_SIZE) >> 2;
    const rows = u32[size + 1];
    return pointAtOrBefore(row + rows, rows > 0 ? u32[size + 2] : column + u32[size + 2], pointRow, pointColumn);
  }

  private add(slot: number, bytes: number, row: number, column: number): NodeRef {
    const ref = this.allocate();
    const nodes = this.nodes;
    nodes[ref] = slot;
    nodes[ref + 1] = bytes >> 1;
    nodes[ref + 2] = row;
    nodes[ref + 3] = column >> 1;
    nodes[ref + 4] = 0; // (no alias)
    return ref;
  }

  /** The node's symbol as the language shows it (`ts_node_symbol`): through the public map, but for ERROR. */
  private publicSymbol(slot: number): number {
    const symbol = this.isInline(slot) ? this.u8[slot + 1] : this.u16[(this.heap(slot) + HEAP_SYMBOL) >> 1];
    return symbol === ERROR_SYMBOL ? symbol : this.u16[(this.publicSymbols >> 1) + symbol];
  }

  private isNamed(slot: number): boolean {
    return this.isInline(slot) ? (this.u8[slot] & INLINE_NAMED) !== 0 : (this.heapFlags(slot) & FLAG_NAMED) !== 0;
  }

  private isMissingSlot(slot: number): boolean {
    return this.isInline(slot) ? (this.u8[slot] & INLINE_MISSING) !== 0 : (this.heapFlags(slot) & FLAG_MISSING) !== 0;
  }

  private isInline(slot: number): boolean {
    return (this.u8[slot] & INLINE_BIT) !== 0;
  }

  /** The address of a non-inline subtree's heap data. */
  private heap(slot: number): number {
    return this.u32[slot >> 2];
  }

  private heapFlags(slot: number): number {
    return this.u16[(this.heap(slot) + HEAP_FLAGS) >> 1];
  }
}

/** `point_lte`: whether the first point is at or before the second. */
function pointAtOrBefore(row: number, column: number, otherRow: number, otherColumn: number): boolean {
  return row < otherRow || (row === otherRow && column <= otherColumn);
}
