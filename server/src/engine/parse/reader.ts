import type { Node, Point, Tree } from 'web-tree-sitter';

/**
 * The functions and memory of web-tree-sitter's WebAssembly module that the reader calls. They are the ones its own
 * `Node` class calls; `Parser.init` puts them on the options object it is given (see parser.ts).
 */
export interface TreeSitterModule {
  HEAP32: Int32Array;
  _ts_init(): number;
  _malloc(bytes: number): number;
  _free(address: number): void;
  _ts_node_symbol_wasm(tree: number): number;
  _ts_node_end_index_wasm(tree: number): number;
  _ts_node_has_error_wasm(tree: number): number;
  _ts_node_is_missing_wasm(tree: number): number;
  _ts_node_children_wasm(tree: number): void;
  _ts_node_named_children_wasm(tree: number): void;
  _ts_node_named_descendant_for_index_wasm(tree: number): void;
  _ts_node_child_by_field_id_wasm(tree: number, field: number): void;
  _ts_node_descendants_of_type_wasm(tree: number, symbols: number, count: number, startRow: number, startColumn: number, endRow: number, endColumn: number): void;
}

/** A list of grammar symbols in WebAssembly memory. */
interface SymbolList {
  readonly address: number;
  readonly count: number;
}

/** A node as the reader hands it out: an index in its node table, valid until the reader's next `open`. */
export type NodeRef = number;

/** The five 32-bit words web-tree-sitter marshals a node into: id, start index, start row, start column, context. */
const NODE_WORDS = 5;
const ERROR_SYMBOL = 65535;

/**
 * Reads a web-tree-sitter tree through the calls its `Node` class makes, without making a `Node` object for each node
 * or going through its generic memory accessors. A long script has hundreds of thousands of nodes and the engine
 * reads tens of thousands: this halves the cost of reading them. Nodes are numbers (`NodeRef`), indexes in a table the
 * reader fills as it hands them out; `open` empties it. What it reads is checked against web-tree-sitter's own
 * `Node` API when the module loads (`checkReader`) and, over every test script, by the reader's unit test.
 */
export class TreeReader {
  protected nodes = new Int32Array(NODE_WORDS * 1024);
  private size = 0;
  private readonly transfer: number;
  /** The open tree's address in WebAssembly memory. */
  protected treeAddress = 0;
  /** Symbol lists for `descendantsOfType`, in WebAssembly memory, by the list of type names. */
  private readonly symbolLists = new Map<string, SymbolList>();
  /** The same lists by the array asked with: the walk asks with one constant array thousands of times. */
  private readonly symbolListsByArray = new WeakMap<readonly string[], SymbolList>();

  /** One reader per module and language: it reads one tree at a time (`open`). */
  constructor(protected readonly module: TreeSitterModule, protected readonly types: readonly string[], private readonly fields: readonly (string | null)[]) {
    this.transfer = module._ts_init();
  }

  /** Starts reading a tree: the nodes handed out before are forgotten. */
  open(tree: Tree): this {
    // The tree's handle for the WebAssembly side is its `[0]`, as in web-tree-sitter's own calls.
    this.treeAddress = (tree as unknown as { 0: number })[0];
    this.size = 0;
    return this;
  }

  /** Where the node table ends: `rewind` to it forgets the nodes handed out after. */
  checkpoint(): number {
    return this.size;
  }

  rewind(checkpoint: number): void {
    this.size = checkpoint;
  }

  /** The reader's node for a web-tree-sitter node of the same tree. */
  refOf(node: Node): NodeRef {
    const ref = this.allocate();
    const nodes = this.nodes;
    nodes[ref] = node.id;
    nodes[ref + 1] = node.startIndex;
    nodes[ref + 2] = node.startPosition.row;
    nodes[ref + 3] = node.startPosition.column;
    nodes[ref + 4] = (node as unknown as { 0: number })[0];
    return ref;
  }

  /** The node's id: unique among the nodes of one tree. */
  id(ref: NodeRef): number {
    return this.nodes[ref];
  }

  start(ref: NodeRef): number {
    return this.nodes[ref + 1];
  }

  startPoint(ref: NodeRef): Point {
    return { row: this.nodes[ref + 2], column: this.nodes[ref + 3] };
  }

  end(ref: NodeRef): number {
    this.marshal(ref);
    return this.module._ts_node_end_index_wasm(this.treeAddress);
  }

  type(ref: NodeRef): string {
    this.marshal(ref);
    return this.types[this.module._ts_node_symbol_wasm(this.treeAddress)] ?? 'ERROR';
  }

  isError(ref: NodeRef): boolean {
    this.marshal(ref);
    return this.module._ts_node_symbol_wasm(this.treeAddress) === ERROR_SYMBOL;
  }

  hasError(ref: NodeRef): boolean {
    this.marshal(ref);
    return this.module._ts_node_has_error_wasm(this.treeAddress) === 1;
  }

  isMissing(ref: NodeRef): boolean {
    this.marshal(ref);
    return this.module._ts_node_is_missing_wasm(this.treeAddress) === 1;
  }

  children(ref: NodeRef): NodeRef[] {
    this.marshal(ref);
    this.module._ts_node_children_wasm(this.treeAddress);
    return this.takeList();
  }

  namedChildren(ref: NodeRef): NodeRef[] {
    this.marshal(ref);
    this.module._ts_node_named_children_wasm(this.treeAddress);
    return this.takeList();
  }

  /** The innermost named node within a node that spans `start`..`end`, as web-tree-sitter's `namedDescendantForIndex`. */
  namedDescendantSpanning(ref: NodeRef, start: number, end: number): NodeRef {
    this.marshal(ref);
    const heap = this.module.HEAP32;
    const at = (this.transfer >> 2) + NODE_WORDS;
    heap[at] = start;
    heap[at + 1] = end;
    this.module._ts_node_named_descendant_for_index_wasm(this.treeAddress);
    // (Never the null node: the node itself spans its own range.)
    return this.take(this.transfer) as NodeRef;
  }

  childForFieldName(ref: NodeRef, field: string): NodeRef | undefined {
    const fieldId = this.fields.indexOf(field);
    if (fieldId < 0) return undefined;
    this.marshal(ref);
    this.module._ts_node_child_by_field_id_wasm(this.treeAddress, fieldId);
    return this.take(this.transfer);
  }

  /**
   * The descendants of a node (itself included) of the given types, in document order; between two points when they
   * are given, as web-tree-sitter's `descendantsOfType`.
   */
  descendantsOfType(ref: NodeRef, types: readonly string[], from?: Point, to?: Point): NodeRef[] {
    const symbols = this.symbolList(types);
    this.marshal(ref);
    this.module._ts_node_descendants_of_type_wasm(this.treeAddress, symbols.address, symbols.count, from?.row ?? 0, from?.column ?? 0, to?.row ?? 0, to?.column ?? 0);
    return this.takeList();
  }

  protected allocate(): NodeRef {
    if (this.size + NODE_WORDS > this.nodes.length) {
      const grown = new Int32Array(this.nodes.length * 2);
      grown.set(this.nodes);
      this.nodes = grown;
    }
    const ref = this.size;
    this.size += NODE_WORDS;
    return ref;
  }

  /** Writes a node where the WebAssembly side reads its argument (web-tree-sitter's `marshalNode`). */
  private marshal(ref: NodeRef): void {
    copyNode(this.nodes, ref, this.module.HEAP32, this.transfer >> 2);
  }

  /** The node marshalled at an address, or undefined for the null node (id 0). */
  private take(address: number): NodeRef | undefined {
    // (Read the heap after the call: memory may have grown and replaced the view.)
    const heap = this.module.HEAP32;
    const at = address >> 2;
    if (heap[at] === 0) return undefined;
    const ref = this.allocate();
    copyNode(heap, at, this.nodes, ref);
    return ref;
  }

  /** The nodes of a list the WebAssembly side left in the transfer buffer (count, address); frees the list. */
  private takeList(): NodeRef[] {
    const heap = this.module.HEAP32;
    const count = heap[this.transfer >> 2];
    const address = heap[(this.transfer >> 2) + 1];
    const refs: NodeRef[] = new Array<NodeRef>(count);
    for (let i = 0; i < count; i++) refs[i] = this.take(address + i * NODE_WORDS * 4) as NodeRef;
    if (address) this.module._free(address);
    return refs;
  }

  private symbolList(types: readonly string[]): SymbolList {
    const known = this.symbolListsByArray.get(types);
    if (known) return known;
    const key = types.join(' ');
    let list = this.symbolLists.get(key);
    if (!list) {
      // Every symbol of each type name, in increasing order (the WebAssembly side stops at the first larger one).
      const symbols: number[] = [];
      this.types.forEach((type, symbol) => {
        if (types.includes(type)) symbols.push(symbol);
      });
      const address = this.module._malloc(4 * Math.max(1, symbols.length));
      this.module.HEAP32.set(symbols, address >> 2);
      list = { address, count: symbols.length };
      this.symbolLists.set(key, list);
    }
    this.symbolListsByArray.set(types, list);
    return list;
  }
}

/** Copies the five words of a node (word by word: a `subarray` per node would allocate). */
function copyNode(from: Int32Array, fromAt: number, to: Int32Array, toAt: number): void {
  for (let i = 0; i < NODE_WORDS; i++) to[toAt + i] = from[fromAt + i];
}

/**
 * Throws when the reader does not read a tree as web-tree-sitter's `Node` API does: every node's type, range, error
 * flags, children, named children and `command_name` field, and `descendantsOfType`. For the tree of a short script at
 * load time (a web-tree-sitter that marshals nodes otherwise fails here, not in a lint), and for every test script.
 * `from`: the node whose subtree is compared, the root by default.
 */
export function checkReader(reader: TreeReader, tree: Tree, from: Node = tree.rootNode): void {
  reader.open(tree);
  // Depth first with a stack of its own: trees of deeply nested scripts are deeper than the call stack.
  const pending: [Node, NodeRef, string][] = [[from, reader.refOf(from), 'root']];
  for (let next = pending.pop(); next; next = pending.pop()) {
    const [node, ref, path] = next;
    const fact = (what: string, expected: unknown, actual: unknown): void => {
      if (expected !== actual) throw new Error(`the tree reader disagrees with web-tree-sitter on the ${what} of ${path} (${String(expected)} / ${String(actual)})`);
    };
    fact('type', node.type, reader.type(ref));
    fact('start', node.startIndex, reader.start(ref));
    fact('end', node.endIndex, reader.end(ref));
    fact('start row', node.startPosition.row, reader.startPoint(ref).row);
    fact('start column', node.startPosition.column, reader.startPoint(ref).column);
    fact('error flag', node.hasError, reader.hasError(ref));
    fact('missing flag', node.isMissing, reader.isMissing(ref));
    fact('is-error flag', node.isError, reader.isError(ref));
    fact('named children', node.namedChildren.length, reader.namedChildren(ref).length);
    fact('command name', node.childForFieldName('command_name')?.startIndex, mapDefined(reader.childForFieldName(ref, 'command_name'), (r) => reader.start(r)));
    fact('innermost named node of its range', node.namedDescendantForIndex(node.startIndex, node.endIndex)?.id, reader.id(reader.namedDescendantSpanning(ref, node.startIndex, node.endIndex)));
    const children = reader.children(ref);
    fact('child count', node.childCount, children.length);
    node.children.forEach((child, i) => child && pending.push([child, children[i], `${path}/${i}`]));
  }
  const root = reader.refOf(from);
  const sameDescendants = (what: string, start?: Point, end?: Point): void => {
    const expected = from.descendantsOfType(DESCENDANT_TYPES, start, end).map((node) => node?.startIndex);
    const actual = reader.descendantsOfType(root, DESCENDANT_TYPES, start, end).map((ref) => reader.start(ref));
    if (expected.join() !== actual.join()) throw new Error(`the tree reader disagrees with web-tree-sitter on descendantsOfType ${what}`);
  };
  sameDescendants('in the whole tree');
  // Between points, as the engine's walk asks: over each statement (and each of its children), and over its first
  // characters (where a walk's span around a mark can start).
  for (const statement of from.children.filter((node) => node !== null)) {
    for (const node of [statement, ...statement.children.filter((child) => child !== null)]) {
      const { startPosition: start, endPosition: end } = node;
      sameDescendants(`over ${start.row}:${start.column}-${end.row}:${end.column}`, start, end);
      sameDescendants(`over ${start.row}:${start.column}+3`, start, { row: start.row, column: start.column + 3 });
    }
  }
}

/** The node types `checkReader` compares `descendantsOfType` on. */
const DESCENDANT_TYPES = ['command', 'comment', 'pipeline_chain', 'assignment_expression'];

function mapDefined<T, U>(value: T | undefined, map: (value: T) => U): U | undefined {
  return value === undefined ? undefined : map(value);
}
