import type { Node, Point, Tree } from 'web-tree-sitter';
import type { ScriptComment } from '../suppress';
import { readTree } from './parser';
import type { NodeRef, TreeReader } from './reader';
import type { LineIndex, Range } from '../text';

/** What a value written on a command line is, as far as the text alone tells. */
export type ValueKind =
  | 'bareword' // an unquoted word: Skype, federation.messenger.msn.com
  | 'string' // a quoted string or here-string
  | 'number'
  | 'boolean' // $true / $false
  | 'variable'
  | 'array' // a comma list or @( )
  | 'hashtable'
  | 'scriptblock'
  | 'expression'; // anything computed: $( ), (…), method calls, expandable strings with variables

export interface ArgumentValue {
  readonly kind: ValueKind;
  /** The source text. */
  readonly text: string;
  readonly range: Range;
  /** The value as PowerShell sees it, when the text alone fixes it: a bareword, a constant string, a number, $true/$false. */
  readonly literal?: string;
  /** The elements of a comma list or @( ) array. */
  readonly elements?: readonly ArgumentValue[];
}

/** A `-Name` token. */
export interface ParameterToken {
  readonly type: 'parameter';
  /** The name as written, without the dash and without a trailing colon. */
  readonly name: string;
  /** The range of the whole token, dash included. */
  readonly range: Range;
  /** `-Name:value`: the value that follows is bound to this parameter, even for a switch. */
  readonly colon: boolean;
  /** The dash was an en dash, em dash or horizontal bar (pasted from a web page). */
  readonly alternativeDash: boolean;
}

export interface ValueToken {
  readonly type: 'value';
  readonly value: ArgumentValue;
}

/** `@name`: parameters passed from a hashtable (or array) variable. */
export interface SplatToken {
  readonly type: 'splat';
  readonly variable: string;
  readonly range: Range;
  /** Entries of the hashtable literal assigned to the variable, when that is known for sure. */
  readonly entries?: readonly SplatEntry[];
}

export interface SplatEntry {
  readonly name: string;
  readonly nameRange: Range;
  readonly value: ArgumentValue;
}

export type CommandElement = ParameterToken | ValueToken | SplatToken;

/** One command invocation, as written. */
export interface ScriptCommand {
  readonly name: string;
  readonly nameRange: Range;
  readonly range: Range;
  readonly elements: readonly CommandElement[];
  /** The command gets input from a command or expression before it in a pipeline. */
  readonly pipelineInput: boolean;
  /** Offsets of the command in the text (for edits that rewrite it). */
  readonly startOffset: number;
  readonly endOffset: number;
}

const ALTERNATIVE_DASHES = new Set(['\u2013', '\u2014', '\u2015']);
/**
 * The grammar's expression wrappers: a node of these types with one named child stands for that child. (Not
 * `expression_with_unary_operator`: its one named child is the operand of `-`, `!` or `-not`, not the value.)
 */
const WRAPPER_TYPES: ReadonlySet<string> = new Set([
  'array_literal_expression', 'unary_expression', 'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression',
  'comparison_expression', 'additive_expression', 'multiplicative_expression', 'format_expression', 'range_expression',
  'string_literal',
  // The same chain in method-call arguments.
  'argument_expression', 'logical_argument_expression', 'bitwise_argument_expression', 'comparison_argument_expression',
  'additive_argument_expression', 'multiplicative_argument_expression', 'format_argument_expression', 'range_argument_expression',
]);

/**
 * The nodes a chain of wrappers can stand for that are the innermost named node of their own range, with the type
 * `unwrap` reads them as (an integer literal's one child is its decimal or hexadecimal digits, of the same range).
 */
const SAME_RANGE_LEAVES = new Map<string, string>([
  ...['generic_token', 'variable', 'real_literal', 'verbatim_string_characters', 'verbatim_here_string_characters', 'expandable_string_literal', 'expandable_here_string_literal', 'array_expression', 'hash_literal_expression', 'script_block_expression'].map((type): [string, string] => [type, type]),
  ['decimal_integer_literal', 'integer_literal'],
  ['hexadecimal_integer_literal', 'integer_literal'],
]);

/**
 * What one walk over a tree, or over one top-level statement of it, finds. Splats are not resolved yet
 * (`entries` undefined): resolving them needs the whole script (see `resolveSplats`).
 */
export interface ScriptParts {
  readonly commands: readonly ScriptCommand[];
  readonly comments: readonly ScriptComment[];
  readonly assignments: readonly VariableAssignment[];
}

/** An assignment to a variable (`$name = …`): what resolving a `@name` splat needs of it. */
export interface VariableAssignment {
  /** The variable's name, lower case, without the `$`. */
  readonly variable: string;
  readonly endOffset: number;
  /** The entries of the value when it is a hashtable literal without parse errors; otherwise undefined. */
  readonly entries: readonly SplatEntry[] | undefined;
}

/**
 * The node types one walk collects (a `pipeline_chain` holds the `|` that pipes into a command). Not 'ERROR':
 * web-tree-sitter 0.25 puts its symbol first in an array the WebAssembly side expects sorted, so asking for
 * ERROR with other types finds nothing but the ERROR nodes.
 */
const WALKED_TYPES = ['command', 'comment', 'assignment_expression', 'pipeline_chain'];
const SCRIPT_BLOCK = ['script_block_expression'];

/**
 * What may stand between an assigned variable and the operator: blanks, line continuations, a block comment up to
 * its first `#>`, a line comment up to the line's end. Each matches one way only, so where no operator follows the
 * search fails in linear time (a block comment that could end at any later `#>`, or a line comment at any later `#`,
 * made it exponential).
 */
const BEFORE_OPERATOR = String.raw`(?:\s|\x60|<#(?:[^#]|#(?!>))*#>|#[^\r\n]*(?![^\r\n]))*`;
const ASSIGNMENT_OPERATOR = String.raw`(?:[-+*/%]|\?\?)?=`;

/**
 * The start of an assignment to a plain variable. An assignment whose text does not start so writes to something
 * else (`$name.X`, `$name[0]`, `$a, $b`, a cast) or to a variable no splat can name (`$script:name`, `${name}`).
 */
const PLAIN_ASSIGNMENT = new RegExp(String.raw`\$(\w+)${BEFORE_OPERATOR}${ASSIGNMENT_OPERATOR}`, 'y');

/**
 * The marks of what the engine reads in a script: a Cs cmdlet name (`-cs`), the module commands that tell a Teams
 * script, a `lync-pic` comment, the `$` of a plain assignment (PLAIN_ASSIGNMENT: the only assignments splat
 * resolution reads, not the `=` of hashtable entries or attributes). Whatever the engine reads holds one.
 */
const MARKS = new RegExp(String.raw`-cs|import-module|connect-microsoftteams|lync-pic|\$(?=\w+${BEFORE_OPERATOR}${ASSIGNMENT_OPERATOR})`, 'gi');

/** The marks that can be part of a command name (the others are `lync-pic` and `$`). */
function isNameMark(text: string, at: number): boolean {
  const ch = text.charCodeAt(at);
  return ch === 45 /* - */ || ch === 105 || ch === 73 /* i, I */ || ch === 99 || ch === 67 /* c, C */;
}

/** Whether the walk keeps a command of this name: a Cs cmdlet name, or a module command that tells a Teams script. */
export function isCommandOfInterest(name: string): boolean {
  const head = /^\S*/.exec(name)?.[0] ?? '';
  if (/-cs/i.test(head)) return true;
  const lower = name.toLowerCase();
  return lower === 'import-module' || lower === 'connect-microsoftteams';
}

/** Whether the walk keeps a comment: the engine reads only its own (`# lync-pic-disable…`, `# lync-pic: target=…`). */
export function isCommentOfInterest(text: string): boolean {
  return /lync-pic/i.test(text);
}

/** Where a walk of a statement looks: around its marks, and at commands whose name holds a mark. */
interface WalkRegion {
  /** Stretches of the statement around its marks, in order, as tree-sitter points (start, end). */
  readonly spans: readonly (readonly [Point, Point])[];
  /** The offsets of the marks that can be part of a command name, in order. */
  readonly nameMarks: readonly number[];
}

/**
 * Marks closer than this (in UTF-16 code units) share one span. Each span is one descent of tree-sitter from the
 * statement: several marks in one command (`@{ A = 1; B = 2 }`) are cheaper to look at in one.
 */
const SPAN_GAP = 80;

const NO_PARTS: ScriptParts = { commands: [], comments: [], assignments: [] };

/**
 * Collects what the engine reads in one top-level statement (`start`..`end` in the text): the commands of interest
 * (`isCommandOfInterest`), the lync-pic comments and the assignments. The same as `walkScript` filtered that way,
 * for a fraction of the cost: a statement without a mark (see MARKS) in its text is not walked at all, and in the
 * others tree-sitter visits only spans around the marks (see SPAN_GAP). The text only says where to look: everything
 * found still comes from the tree.
 */
export function walkStatement(node: Node, index: LineIndex, start: number, end: number): ScriptParts {
  const reader = readTree(node.tree);
  return walkStatementAt(reader, reader.refOf(node), index, start, end);
}

/** `walkStatement` of a statement the reader handed out (`readStatements`). */
export function walkStatementAt(reader: TreeReader, node: NodeRef, index: LineIndex, start: number, end: number): ScriptParts {
  const text = index.text;
  const nameMarks: number[] = [];
  const spans: [Point, Point][] = [];
  let spanStart = -1;
  let spanEnd = -1;
  // Points are counted on from the previous one: one pass over the statement's text.
  let pointOffset = start;
  let point = reader.startPoint(node);
  const closeSpan = (): void => {
    const from = pointIn(text, pointOffset, spanStart, point);
    const to = pointIn(text, spanStart, spanEnd, from);
    spans.push([from, to]);
    pointOffset = spanEnd;
    point = to;
  };
  MARKS.lastIndex = start;
  for (let match = MARKS.exec(text); match && match.index < end; match = MARKS.exec(text)) {
    const markEnd = match.index + match[0].length;
    if (markEnd > end) break;
    const farFromSpan = spanStart >= 0 && match.index - spanEnd >= SPAN_GAP;
    if (farFromSpan) closeSpan();
    if (spanStart < 0 || farFromSpan) spanStart = match.index;
    spanEnd = Math.max(spanEnd, markEnd);
    if (isNameMark(text, match.index)) nameMarks.push(match.index);
  }
  if (spanStart < 0) return NO_PARTS;
  closeSpan();
  // The nodes this walk reads are forgotten after it: the reader's table holds those of one statement at a time.
  const checkpoint = reader.checkpoint();
  try {
    return new ScriptReading(reader, index).walk(node, { spans, nameMarks });
  } finally {
    reader.rewind(checkpoint);
  }
}

/**
 * tree-sitter's point for an offset: rows end at `\n` only, columns in UTF-16 code units (web-tree-sitter's unit).
 * Counted from `base`, the point of offset `baseOffset`.
 */
function pointIn(text: string, baseOffset: number, offset: number, base: Point): Point {
  let row = base.row;
  let lineStart = -1;
  for (let at = text.indexOf('\n', baseOffset); at !== -1 && at < offset; at = text.indexOf('\n', at + 1)) {
    row++;
    lineStart = at + 1;
  }
  return lineStart < 0 ? { row, column: base.column + offset - baseOffset } : { row, column: offset - lineStart };
}

/**
 * Collects the commands, comments and assignments of a node and everything below it, in document order, with one
 * walk of the tree (tree-sitter's own `descendantsOfType`, which runs inside WebAssembly). The node must not lie
 * inside an ERROR region (the root, or a top-level statement, or an ERROR node itself). Every command and comment:
 * for tests and tools; the engine walks statement by statement (`walkStatement`).
 */
export function walkScript(node: Node, index: LineIndex): ScriptParts {
  const reader = readTree(node.tree);
  return new ScriptReading(reader, index).walk(reader.refOf(node), undefined);
}

/**
 * The top-level statements of a tree (the root's children and those of its statement lists; the root itself when it
 * is an ERROR node), as the tree reader's nodes: the reader stays open on the tree for `walkStatementAt`.
 */
export function readStatements(tree: Tree): { reader: TreeReader; statements: NodeRef[] } {
  const reader = readTree(tree);
  const root = reader.refOf(tree.rootNode);
  const statements = reader.isError(root) ? [root] : reader.children(root).flatMap((child) => (reader.type(child) === 'statement_list' ? reader.children(child) : [child]));
  return { reader, statements };
}

/** What the engine reads in a whole script: `walkStatement` over its top-level statements, joined. */
export function walkStatements(tree: Tree, index: LineIndex): ScriptParts {
  const { reader, statements } = readStatements(tree);
  return joinParts(statements.map((statement) => walkStatementAt(reader, statement, index, reader.start(statement), reader.end(statement))));
}

/** What several walks found, as one, in their order. */
export function joinParts(found: readonly ScriptParts[]): ScriptParts {
  if (found.length === 1) return found[0];
  const commands: ScriptCommand[] = [];
  const comments: ScriptComment[] = [];
  const assignments: VariableAssignment[] = [];
  for (const parts of found) {
    for (const command of parts.commands) commands.push(command);
    for (const comment of parts.comments) comments.push(comment);
    for (const assignment of parts.assignments) assignments.push(assignment);
  }
  return { commands, comments, assignments };
}

/**
 * Throws when the unwrapping shortcut (see `sameRangeLeaf`) reads a wrapper node of the tree otherwise than the
 * step-by-step unwrapping does: for the tests, over every wrapper of every test script and fuzz case.
 */
export function checkUnwrapShortcut(tree: Tree, index: LineIndex): void {
  const reader = readTree(tree);
  new ScriptReading(reader, index).checkUnwrapShortcut(reader.refOf(tree.rootNode));
}

/** Collects every command invocation in a parsed script, skipping those inside regions the parser could not read. */
export function extractCommands(tree: Tree, index: LineIndex): ScriptCommand[] {
  const parts = walkScript(tree.rootNode, index);
  return resolveSplats(parts.commands, parts.assignments, index);
}

/**
 * The grammar's `command_argument_sep` is spaces or a colon, and no other element of a command can start with a
 * space (blanks elsewhere are padding, outside the nodes) but an ERROR node, which leaves the command unread
 * (`elementsAreReliable`): in a command read, a child of `command_elements` that starts with one is a separator.
 * (Checked over every test script and fuzz case: `assertElementFacts`.)
 */
const SEPARATOR_START = 32;

/** A command's name from its start: an optional call operator, blanks, then the first word. */
const COMMAND_NAME = /[&.]?\s*\S*/y;
const BLANKS = /\s*/y;

/**
 * A test of whether a command's name (the first word from its start, after a call operator) holds a name mark,
 * for commands asked in document order.
 */
function nameMarkTest(text: string, marks: readonly number[]): (start: number) => boolean {
  let next = 0;
  return (start) => {
    while (next < marks.length && marks[next] < start) next++;
    if (next === marks.length) return false;
    COMMAND_NAME.lastIndex = start;
    COMMAND_NAME.exec(text);
    return marks[next] < COMMAND_NAME.lastIndex;
  };
}

/**
 * Reads the commands, comments and assignments of one walk into the model above, through the tree reader (nodes are
 * `NodeRef` numbers; each question about a node is one call into WebAssembly, so the reading asks as few as it can).
 */
class ScriptReading {
  private readonly text: string;

  constructor(private readonly tree: TreeReader, private readonly index: LineIndex) {
    this.text = index.text;
  }

  /**
   * The walk of a node, everywhere or in a region. It never asks a node for its `parent` or its `previousSibling`:
   * tree-sitter nodes do not store their parent, so both walk down from the root, which made them the most expensive
   * calls of the engine on long scripts.
   */
  walk(ref: NodeRef, region: WalkRegion | undefined): ScriptParts {
    const commands: ScriptCommand[] = [];
    const comments: ScriptComment[] = [];
    const assignments: VariableAssignment[] = [];
    const { tree, text, index } = this;
    const inError = tree.hasError(ref) ? this.errorRegionTest(ref) : () => false;
    const chains = new PipelineChains(tree);
    const namedHere = region ? nameMarkTest(text, region.nameMarks) : () => true;
    for (const descendant of this.descendants(ref, region)) {
      switch (tree.type(descendant)) {
        case 'comment': {
          const start = tree.start(descendant);
          const commentText = text.slice(start, tree.end(descendant));
          if (!region || isCommentOfInterest(commentText)) comments.push({ text: commentText, range: index.rangeOf(start, start + commentText.length) });
          break;
        }
        case 'assignment_expression': {
          const assignment = this.readAssignment(descendant);
          if (assignment) assignments.push(assignment);
          break;
        }
        case 'pipeline_chain':
          chains.enter(descendant);
          break;
        case 'command': {
          // (A command inside an ERROR region, or whose own arguments contain a parse error, is not judged.)
          if (!namedHere(tree.start(descendant)) || inError(descendant)) break;
          const command = this.readCommandNode(descendant, chains);
          if (command && (!region || isCommandOfInterest(command.name))) commands.push(command);
          break;
        }
      }
    }
    return { commands, comments, assignments };
  }

  /**
   * The nodes of the walked types in a node, or in the spans of a region, in document order. A span's descent
   * also finds the nodes around it (a command that holds two spans, the chain of a command): each comes once.
   */
  private descendants(ref: NodeRef, region: WalkRegion | undefined): NodeRef[] {
    const { tree } = this;
    if (!region) return tree.descendantsOfType(ref, WALKED_TYPES);
    if (region.spans.length === 1) return tree.descendantsOfType(ref, WALKED_TYPES, ...region.spans[0]);
    const found: NodeRef[] = [];
    const seen = new Set<number>();
    for (const [from, to] of region.spans) {
      for (const node of tree.descendantsOfType(ref, WALKED_TYPES, from, to)) {
        const id = tree.id(node);
        if (!seen.has(id)) {
          seen.add(id);
          found.push(node);
        }
      }
    }
    return found;
  }

  /**
   * A test of whether a node lies inside an ERROR node, for nodes asked in document order. It finds the outermost
   * ERROR nodes first, descending only into nodes that contain an error.
   */
  private errorRegionTest(root: NodeRef): (node: NodeRef) => boolean {
    const { tree } = this;
    const regions: { start: number; end: number; sameRangeAncestors: Set<number> }[] = [];
    // The ancestors of each ERROR node with its range (a node of the same range is inside it unless it is one of them).
    const path: { id: number; start: number; end: number }[] = [];
    // Depth first, in document order, with a stack of its own (nested scripts make deep trees).
    const pending: [NodeRef, number][] = [[root, 0]];
    for (let item = pending.pop(); item; item = pending.pop()) {
      const [node, depth] = item;
      path.length = depth;
      const start = tree.start(node);
      const end = tree.end(node);
      if (tree.isError(node)) {
        regions.push({ start, end, sameRangeAncestors: new Set(path.filter((a) => a.start === start && a.end === end).map((a) => a.id)) });
      } else if (tree.hasError(node)) {
        path.push({ id: tree.id(node), start, end });
        const children = tree.children(node);
        for (let i = children.length - 1; i >= 0; i--) pending.push([children[i], depth + 1]);
      }
    }
    let next = 0;
    return (node) => {
      const start = tree.start(node);
      while (next < regions.length && regions[next].end <= start) next++;
      const region = regions[next];
      if (!region || start < region.start) return false;
      if (start > region.start) return true;
      // Same start: inside when it ends first; an ancestor when it ends later; the same range: unless an ancestor.
      const end = tree.end(node);
      return end === region.end ? !region.sameRangeAncestors.has(tree.id(node)) : end < region.end;
    };
  }

  /** The command at a node, unless it has a parse error in its arguments. */
  private readCommandNode(node: NodeRef, chains: PipelineChains): ScriptCommand | undefined {
    const elementsNode = this.tree.childForFieldName(node, 'command_elements');
    if (this.tree.hasError(node) && !this.elementsAreReliable(elementsNode)) return undefined;
    return this.readCommand(node, elementsNode, chains.isPiped(this.tree.start(node)));
  }

  /** The elements of a command that has a parse error somewhere: reliable when the error is in a script block argument. */
  private elementsAreReliable(elements: NodeRef | undefined): boolean {
    if (elements === undefined) return false;
    const { tree } = this;
    for (const element of tree.children(elements)) {
      if (tree.isMissing(element) || tree.isError(element)) return false;
      if (tree.hasError(element) && tree.descendantsOfType(element, SCRIPT_BLOCK).length === 0) return false;
    }
    return true;
  }

  private readCommand(node: NodeRef, elementsNode: NodeRef | undefined, pipelineInput: boolean): ScriptCommand | undefined {
    const { tree, text, index } = this;
    const nameNode = tree.childForFieldName(node, 'command_name');
    if (nameNode === undefined) return undefined;
    const elements: CommandElement[] = [];
    const nameStart = tree.start(nameNode);
    const nameEnd = tree.end(nameNode);
    let endOffset = nameEnd;
    const children = elementsNode === undefined ? [] : tree.children(elementsNode);
    for (let i = 0; i < children.length; i++) {
      const child = children[i];
      // Half of a command's elements are separators, which the text tells without asking the tree (see SEPARATOR_START).
      const type = text.charCodeAt(tree.start(child)) === SEPARATOR_START ? 'command_argument_sep' : tree.type(child);
      if (type === 'comment') continue;
      if (type === 'command_argument_sep') {
        if (elements.at(-1)?.type === 'parameter' && this.isColonSeparator(child)) markColon(elements);
        continue;
      }
      const childEnd = this.endBefore(children[i + 1]) ?? tree.end(child);
      endOffset = childEnd;
      elements.push(this.readElement(child, type, childEnd));
    }
    const start = tree.start(node);
    return {
      name: text.slice(nameStart, nameEnd),
      nameRange: index.rangeOf(nameStart, nameEnd),
      // The grammar counts trailing blanks as part of the command; the command ends with its last element.
      range: index.rangeOf(start, endOffset),
      elements,
      pipelineInput,
      startOffset: start,
      endOffset,
    };
  }

  /**
   * Where the element before `next` ends, when the text tells: a command's elements are apart only by padding
   * (blanks, line continuations, invisible marks), so when the character before `next` is printable ASCII other than
   * a space, the one before ends where `next` starts. (Checked over every test script and fuzz case:
   * `assertElementFacts`.)
   */
  private endBefore(next: NodeRef | undefined): number | undefined {
    if (next === undefined) return undefined;
    const start = this.tree.start(next);
    const before = this.text.charCodeAt(start - 1);
    return before > 32 && before < 127 ? start : undefined;
  }

  /** A separator that is a colon, blanks around it allowed (`-Enabled:$true`, `-Enabled: $true`). */
  private isColonSeparator(separator: NodeRef): boolean {
    // Most separators are blanks before a value: the first character that is not blank tells, without asking
    // the tree for the separator's end.
    const { text } = this;
    const start = this.tree.start(separator);
    BLANKS.lastIndex = start;
    BLANKS.exec(text);
    if (text[BLANKS.lastIndex] !== ':') return false;
    return text.slice(start, this.tree.end(separator)).trim() === ':';
  }

  private readElement(node: NodeRef, type: string, end: number): CommandElement {
    const { index } = this;
    const start = this.tree.start(node);
    const text = this.text.slice(start, end);
    if (type === 'command_parameter') {
      const colon = text.endsWith(':');
      const name = text.slice(1, colon ? -1 : undefined);
      return { type: 'parameter', name, range: index.rangeOf(start, end), colon, alternativeDash: false };
    }
    if (type === 'generic_token' && ALTERNATIVE_DASHES.has(text[0]) && /^.[A-Za-z_]/.test(text)) {
      const colon = text.endsWith(':');
      const name = text.slice(1, colon ? -1 : undefined);
      return { type: 'parameter', name, range: index.rangeOf(start, end), colon, alternativeDash: true };
    }
    if (text.startsWith('@') && /^@[A-Za-z_][\w]*$/.test(text)) {
      // Resolved later, with the whole script's assignments (resolveSplats).
      return { type: 'splat', variable: text.slice(1), range: index.rangeOf(start, end), entries: undefined };
    }
    return { type: 'value', value: this.readValue(node, type, end) };
  }

  /** Reads a value node: unwraps the grammar's single-child expression wrappers to find what it is. */
  private readValue(node: NodeRef, type = this.tree.type(node), end = this.tree.end(node)): ArgumentValue {
    const { tree, index } = this;
    const start = tree.start(node);
    const text = index.text.slice(start, end);
    const range = index.rangeOf(start, end);
    let [inner, innerType]: [NodeRef, string] = [node, type];
    const leaf = WRAPPER_TYPES.has(type) ? this.sameRangeLeaf(node, start, end) : undefined;
    if (leaf) {
      [inner, innerType] = leaf;
    } else if (type === 'array_literal_expression') {
      const listItems = this.namedChildren(node);
      if (listItems.length > 1) return { text, range, kind: 'array', elements: listItems.map((item) => this.readValue(item)) };
      // A single item: unwrap from it (the list node is a wrapper of its one item).
      if (listItems.length === 1) [inner, innerType] = this.unwrap(listItems[0]);
    } else {
      // (When a wrapper, the shortcut did not apply.)
      [inner, innerType] = this.unwrapStepwise(node, type);
    }
    const sameRange = inner === node || leaf !== undefined;
    switch (innerType) {
      case 'generic_token':
        return { text, range, kind: 'bareword', literal: this.innerText(inner, sameRange, text) };
      case 'integer_literal':
      case 'real_literal':
        return { text, range, kind: 'number', literal: this.innerText(inner, sameRange, text) };
      case 'variable': {
        const lower = this.innerText(inner, sameRange, text).toLowerCase();
        if (lower === '$true' || lower === '$false') return { text, range, kind: 'boolean', literal: lower };
        return { text, range, kind: 'variable' };
      }
      case 'expandable_string_literal':
      case 'expandable_here_string_literal':
      case 'verbatim_string_characters':
      case 'verbatim_here_string_characters': {
        const literal = constantStringContent(innerType, this.innerText(inner, sameRange, text));
        return literal === undefined ? { text, range, kind: 'expression' } : { text, range, kind: 'string', literal };
      }
      case 'array_expression':
        return { text, range, kind: 'array', elements: this.arrayElements(inner) };
      case 'hash_literal_expression':
        return { text, range, kind: 'hashtable' };
      case 'script_block_expression':
        return { text, range, kind: 'scriptblock' };
      default:
        return { text, range, kind: 'expression' };
    }
  }

  /** The text of the node a value unwraps to (`text` is the value's own, the same when the ranges are). */
  private innerText(inner: NodeRef, sameRange: boolean, text: string): string {
    return sameRange ? text : this.text.slice(this.tree.start(inner), this.tree.end(inner));
  }

  private arrayElements(arrayExpression: NodeRef): ArgumentValue[] {
    const statements = this.tree.namedChildren(arrayExpression).find((child) => this.tree.type(child) === 'statement_list');
    const pipelines = statements === undefined ? [] : this.namedChildren(statements);
    if (pipelines.length !== 1) return pipelines.map((p) => this.readValue(p));
    const list = this.findListNode(pipelines[0]);
    return list === undefined ? [this.readValue(pipelines[0])] : this.namedChildren(list).map((item) => this.readValue(item));
  }

  private findListNode(node: NodeRef): NodeRef | undefined {
    let current: NodeRef | undefined = node;
    let type = this.tree.type(node);
    while (current !== undefined) {
      if (type === 'array_literal_expression') return current;
      const only = this.onlyNamedChild(current);
      if (!only) return undefined;
      [current, type] = only;
    }
    return undefined;
  }

  /** Descends through the grammar's single-child expression wrappers; returns the node found and its type. */
  private unwrap(node: NodeRef, type = this.tree.type(node)): [NodeRef, string] {
    if (!WRAPPER_TYPES.has(type)) return [node, type];
    return this.sameRangeLeaf(node, this.tree.start(node), this.tree.end(node)) ?? this.unwrapStepwise(node, type);
  }

  /**
   * What a wrapper (`start`..`end`) stands for, in two questions to the tree instead of two or three per level: the
   * innermost named node of the wrapper's own range, when it is one of SAME_RANGE_LEAVES. Only wrappers have a
   * named child of their own range in this grammar, so `unwrapStepwise` would reach the same node (checked over
   * every test script and fuzz case: `checkUnwrapShortcut`). Undefined otherwise: the caller unwraps step by step.
   */
  private sameRangeLeaf(node: NodeRef, start: number, end: number): [NodeRef, string] | undefined {
    const innermost = this.tree.namedDescendantSpanning(node, start, end);
    if (this.tree.id(innermost) === this.tree.id(node)) return undefined;
    const type = SAME_RANGE_LEAVES.get(this.tree.type(innermost));
    return type === undefined ? undefined : [innermost, type];
  }

  /** See `checkUnwrapShortcut`. */
  checkUnwrapShortcut(root: NodeRef): void {
    const { tree } = this;
    const pending = [root];
    for (let node = pending.pop(); node !== undefined; node = pending.pop()) {
      const type = tree.type(node);
      const start = tree.start(node);
      const leaf = WRAPPER_TYPES.has(type) ? this.sameRangeLeaf(node, start, tree.end(node)) : undefined;
      if (leaf) {
        const [stepNode, stepType] = this.unwrapStepwise(node, type);
        const [leafNode, leafType] = leaf;
        if (leafType !== stepType || tree.start(leafNode) !== tree.start(stepNode) || tree.end(leafNode) !== tree.end(stepNode)) {
          throw new Error(`the unwrapping shortcut reads the ${type} at ${start} as ${leafType}, step by step it is ${stepType} at ${tree.start(stepNode)}`);
        }
      }
      for (const child of tree.children(node)) pending.push(child);
    }
  }

  private unwrapStepwise(node: NodeRef, type: string): [NodeRef, string] {
    let current = node;
    let currentType = type;
    while (WRAPPER_TYPES.has(currentType)) {
      const only = this.onlyNamedChild(current);
      if (!only) break;
      [current, currentType] = only;
    }
    return [current, currentType];
  }

  /** The one named child that is not a comment, with its type; undefined when there are none or several. */
  private onlyNamedChild(node: NodeRef): [NodeRef, string] | undefined {
    const children = this.tree.namedChildren(node);
    if (children.length === 0) return undefined;
    if (children.length === 1) {
      const type = this.tree.type(children[0]);
      return type === 'comment' ? undefined : [children[0], type];
    }
    const others = children.filter((child) => this.tree.type(child) !== 'comment');
    return others.length === 1 ? [others[0], this.tree.type(others[0])] : undefined;
  }

  private namedChildren(node: NodeRef): NodeRef[] {
    return this.tree.namedChildren(node).filter((child) => this.tree.type(child) !== 'comment');
  }

  /** `$name = …`: the variable and, when the value is a hashtable literal without errors, its own entries. */
  private readAssignment(assignment: NodeRef): VariableAssignment | undefined {
    const { tree, text } = this;
    const start = tree.start(assignment);
    PLAIN_ASSIGNMENT.lastIndex = start;
    const variable = PLAIN_ASSIGNMENT.exec(text)?.[1].toLowerCase();
    if (variable === undefined) return undefined;
    const endOffset = tree.end(assignment);
    // Only a value that holds `@{` can be a hashtable literal: do not look into the others.
    if (!text.slice(start, endOffset).includes('@{')) return { variable, endOffset, entries: undefined };
    const value = tree.childForFieldName(assignment, 'value') ?? tree.namedChildren(assignment).at(-1);
    const [hashtable, hashtableType] = value === undefined ? [undefined, undefined] : this.unwrap(value);
    const entries = hashtable !== undefined && hashtableType === 'hash_literal_expression' && !tree.hasError(hashtable) ? this.hashEntries(hashtable) : undefined;
    return { variable, endOffset, entries };
  }

  /** The hashtable's own entries (those of its body), not those of nested hashtables. */
  private hashEntries(hashtable: NodeRef): SplatEntry[] {
    const { tree } = this;
    const entries: SplatEntry[] = [];
    for (const body of tree.children(hashtable)) {
      for (const entry of tree.children(body)) {
        if (tree.type(entry) === 'hash_entry') entries.push(...this.readEntry(entry));
      }
    }
    return entries;
  }

  private readEntry(entry: NodeRef): SplatEntry[] {
    const { tree, index } = this;
    const named = tree.namedChildren(entry);
    const types = named.map((child) => tree.type(child));
    const keyNode = named[types.indexOf('key_expression')];
    const valueNode = named[types.findIndex((type) => type === 'pipeline' || type === 'statement')];
    if (keyNode === undefined || valueNode === undefined) return [];
    const keyStart = tree.start(keyNode);
    const keyEnd = tree.end(keyNode);
    const name = index.text.slice(keyStart, keyEnd).replace(/^(['"])(.*)\1$/, '$2');
    return [{ name, nameRange: index.rangeOf(keyStart, keyEnd), value: this.readValue(valueNode) }];
  }
}

/**
 * The pipeline chains around the current node of a walk in document pre-order (a chain comes before its commands),
 * to tell whether a command gets input from a `|` before it. A chain's children are read only when a command in it
 * is asked about.
 */
class PipelineChains {
  private readonly open: { node: NodeRef; start: number; end: number; piped?: ReadonlySet<number> }[] = [];

  constructor(private readonly tree: TreeReader) {}

  enter(chain: NodeRef): void {
    const start = this.tree.start(chain);
    this.leaveBefore(start);
    this.open.push({ node: chain, start, end: this.tree.end(chain) });
  }

  isPiped(commandStart: number): boolean {
    this.leaveBefore(commandStart);
    const innermost = this.open.at(-1);
    // A command where its chain starts comes before any `|` of it (most commands are alone in their chain).
    if (!innermost || innermost.start === commandStart) return false;
    innermost.piped ??= this.pipedCommands(innermost.node);
    return innermost.piped.has(commandStart);
  }

  private leaveBefore(offset: number): void {
    while (this.open.length > 0 && this.open[this.open.length - 1].end <= offset) this.open.pop();
  }

  /** The starts of the commands of a chain that get input from a `|` before them (comments in between allowed). */
  private pipedCommands(chain: NodeRef): ReadonlySet<number> {
    const piped = new Set<number>();
    let afterPipe = false;
    for (const child of this.tree.children(chain)) {
      const type = this.tree.type(child);
      if (type === 'comment') continue;
      if (type === 'command' && afterPipe) piped.add(this.tree.start(child));
      afterPipe = type === '|';
    }
    return piped;
  }
}

function markColon(elements: CommandElement[]): void {
  const last = elements[elements.length - 1];
  if (last.type === 'parameter') elements[elements.length - 1] = { ...last, colon: true };
}

/** The content of a string whose value does not depend on variables or escapes, or undefined. */
function constantStringContent(type: string, text: string): string | undefined {
  const hereString = type.includes('here_string');
  const content = hereString ? text.replace(/^@["']\r?\n?/, '').replace(/\r?\n?["']@$/, '') : text.slice(1, -1);
  if (type.startsWith('verbatim')) return content.replace(/''/g, "'");
  if (/[$`]/.test(content)) return undefined;
  return content.replace(/""/g, '"');
}

/**
 * Resolves `@name` splats to the hashtable literal assigned to `$name`, only when that is certain:
 * exactly one assignment to the variable in the file, before the use, of a hashtable literal, and no
 * other write to it (`$name.X = …`, `$name[…]`, `$name.Add(…)`). Returns the commands, with new objects for
 * those that hold a splat.
 */
export function resolveSplats(commands: readonly ScriptCommand[], assignments: readonly VariableAssignment[], index: LineIndex, withSplats?: readonly number[]): ScriptCommand[] {
  // The commands that hold a splat: given (the editor's incremental lint knows them), or found.
  const holders = withSplats ?? splatHolders(commands);
  const splatted = new Set<string>();
  for (const i of holders) {
    for (const element of commands[i].elements) if (element.type === 'splat') splatted.add(element.variable.toLowerCase());
  }
  if (splatted.size === 0) return [...commands];
  // The assignments of the splatted variables only.
  const byVariable = new Map<string, VariableAssignment[]>();
  for (const assignment of assignments) {
    if (!splatted.has(assignment.variable)) continue;
    const list = byVariable.get(assignment.variable);
    if (list) list.push(assignment);
    else byVariable.set(assignment.variable, [assignment]);
  }
  let modified: ReadonlySet<string> | undefined;
  const resolve = (variable: string, useOffset: number): readonly SplatEntry[] | undefined => {
    const key = variable.toLowerCase();
    const assigned = byVariable.get(key) ?? [];
    if (assigned.length !== 1) return undefined;
    const [assignment] = assigned;
    if (assignment.endOffset > useOffset) return undefined;
    modified ??= modifiedVariables(index.text, splatted);
    if (modified.has(key)) return undefined;
    return assignment.entries;
  };
  const resolved = [...commands];
  for (const i of holders) {
    const command = commands[i];
    const elements = command.elements.map((element): CommandElement =>
      element.type === 'splat' ? { type: 'splat', variable: element.variable, range: element.range, entries: resolve(element.variable, index.offsetAt(element.range.start)) } : element,
    );
    // (Object literals in the order readCommand writes them: V8 then gives all commands one shape.)
    resolved[i] = { name: command.name, nameRange: command.nameRange, range: command.range, elements, pipelineInput: command.pipelineInput, startOffset: command.startOffset, endOffset: command.endOffset };
  }
  return resolved;
}

function splatHolders(commands: readonly ScriptCommand[]): number[] {
  const holders: number[] = [];
  for (let i = 0; i < commands.length; i++) if (hasSplat(commands[i])) holders.push(i);
  return holders;
}

function hasSplat(command: ScriptCommand): boolean {
  for (const element of command.elements) if (element.type === 'splat') return true;
  return false;
}

/**
 * Which of the splatted variables are written other than by a plain assignment: `$name.X`, `$name[…]`,
 * `$name.Add(…)` (a `$`, the name, optional blanks, then `.` or `[`), lower case. One scan of the text: for those
 * names when they are few (most scripts splat one or two), else for every variable (a name is a word, `\w+`:
 * nothing in it is special in a regular expression).
 */
function modifiedVariables(text: string, splatted: ReadonlySet<string>): ReadonlySet<string> {
  const names = splatted.size <= 4 ? [...splatted].join('|') : '\\w+';
  const found = new Set<string>();
  for (const match of text.matchAll(new RegExp(`\\$(${names})\\s*[.[]`, 'gi'))) found.add(match[1].toLowerCase());
  return found;
}

