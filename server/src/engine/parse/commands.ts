import type { Node, Tree } from 'web-tree-sitter';
import type { ScriptComment } from '../suppress';
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
const WRAPPER_TYPES = new Set([
  'array_literal_expression', 'unary_expression', 'pipeline', 'pipeline_chain', 'logical_expression', 'bitwise_expression',
  'comparison_expression', 'additive_expression', 'multiplicative_expression', 'format_expression', 'range_expression',
  'expression_with_unary_operator', 'argument_expression', 'string_literal',
]);

/** Collects every command invocation in a parsed script, skipping those inside regions the parser could not read. */
export function extractCommands(tree: Tree, index: LineIndex): ScriptCommand[] {
  const splats = new SplatResolver(tree, index);
  const commands: ScriptCommand[] = [];
  for (const node of tree.rootNode.descendantsOfType('command')) {
    if (!node || !isReliable(node)) continue;
    const command = readCommand(node, index, splats);
    if (command) commands.push(command);
  }
  return commands;
}

/** Every comment of the script, line and block comments alike. */
export function extractComments(tree: Tree, index: LineIndex): ScriptComment[] {
  return tree.rootNode.descendantsOfType('comment').flatMap((node) => (node ? [{ text: node.text, range: index.rangeOf(node.startIndex, node.endIndex) }] : []));
}

/** A command inside an ERROR region, or whose own arguments contain a parse error, is not judged. */
function isReliable(command: Node): boolean {
  for (let ancestor = command.parent; ancestor; ancestor = ancestor.parent) {
    if (ancestor.isError) return false;
  }
  const elements = command.childForFieldName('command_elements');
  if (!elements) return !command.hasError;
  for (const element of elements.children) {
    if (!element) continue;
    if (element.isMissing || element.isError) return false;
    if (element.hasError && !containsScriptBlock(element)) return false;
  }
  return true;
}

function containsScriptBlock(node: Node): boolean {
  return node.descendantsOfType('script_block_expression').length > 0;
}

function readCommand(node: Node, index: LineIndex, splats: SplatResolver): ScriptCommand | undefined {
  const nameNode = node.childForFieldName('command_name');
  if (!nameNode) return undefined;
  const elements: CommandElement[] = [];
  const elementsNode = node.childForFieldName('command_elements');
  let endOffset = nameNode.endIndex;
  for (const child of elementsNode?.children ?? []) {
    if (!child) continue;
    if (child.type !== 'command_argument_sep' && child.type !== 'comment') endOffset = child.endIndex;
    if (child.type === 'command_argument_sep') {
      if (child.text.trim() === ':' && elements.at(-1)?.type === 'parameter') markColon(elements);
      continue;
    }
    if (child.type === 'comment') continue;
    const element = readElement(child, index, splats);
    if (!element) continue;
    elements.push(element);
  }
  return {
    name: nameNode.text,
    nameRange: index.rangeOf(nameNode.startIndex, nameNode.endIndex),
    // The grammar counts trailing blanks as part of the command; the command ends with its last element.
    range: index.rangeOf(node.startIndex, endOffset),
    elements,
    pipelineInput: hasPipelineInput(node),
    startOffset: node.startIndex,
    endOffset,
  };
}

function markColon(elements: CommandElement[]): void {
  const last = elements[elements.length - 1];
  if (last.type === 'parameter') elements[elements.length - 1] = { ...last, colon: true };
}

function readElement(node: Node, index: LineIndex, splats: SplatResolver): CommandElement | undefined {
  const text = node.text;
  if (node.type === 'command_parameter') {
    const colon = text.endsWith(':');
    const name = text.slice(1, colon ? -1 : undefined);
    return { type: 'parameter', name, range: index.rangeOf(node.startIndex, node.endIndex), colon, alternativeDash: false };
  }
  if (node.type === 'generic_token' && ALTERNATIVE_DASHES.has(text[0]) && /^.[A-Za-z_]/.test(text)) {
    const colon = text.endsWith(':');
    const name = text.slice(1, colon ? -1 : undefined);
    return { type: 'parameter', name, range: index.rangeOf(node.startIndex, node.endIndex), colon, alternativeDash: true };
  }
  if (text.startsWith('@') && /^@[A-Za-z_][\w]*$/.test(text)) {
    const variable = text.slice(1);
    return { type: 'splat', variable, range: index.rangeOf(node.startIndex, node.endIndex), entries: splats.resolve(variable, node.startIndex) };
  }
  return { type: 'value', value: readValue(node, index) };
}

/** Reads a value node: unwraps the grammar's single-child expression wrappers to find what it is. */
export function readValue(node: Node, index: LineIndex): ArgumentValue {
  const base = { text: node.text, range: index.rangeOf(node.startIndex, node.endIndex) };
  const listItems = node.type === 'array_literal_expression' ? namedChildren(node) : [];
  if (listItems.length > 1) {
    return { ...base, kind: 'array', elements: listItems.map((item) => readValue(item, index)) };
  }
  const inner = unwrap(node);
  switch (inner.type) {
    case 'generic_token':
      return { ...base, kind: 'bareword', literal: inner.text };
    case 'integer_literal':
    case 'real_literal':
      return { ...base, kind: 'number', literal: inner.text };
    case 'variable': {
      const lower = inner.text.toLowerCase();
      if (lower === '$true' || lower === '$false') return { ...base, kind: 'boolean', literal: lower };
      return { ...base, kind: 'variable' };
    }
    case 'expandable_string_literal':
    case 'expandable_here_string_literal':
    case 'verbatim_string_characters':
    case 'verbatim_here_string_characters':
      return stringValue(inner, base);
    case 'array_expression':
      return { ...base, kind: 'array', elements: arrayElements(inner, index) };
    case 'hash_literal_expression':
      return { ...base, kind: 'hashtable' };
    case 'script_block_expression':
      return { ...base, kind: 'scriptblock' };
    default:
      return { ...base, kind: 'expression' };
  }
}

function stringValue(node: Node, base: { text: string; range: Range }): ArgumentValue {
  const literal = constantStringContent(node.type, node.text);
  return literal === undefined ? { ...base, kind: 'expression' } : { ...base, kind: 'string', literal };
}

/** The content of a string whose value does not depend on variables or escapes, or undefined. */
function constantStringContent(type: string, text: string): string | undefined {
  const hereString = type.includes('here_string');
  const content = hereString ? text.replace(/^@["']\r?\n?/, '').replace(/\r?\n?["']@$/, '') : text.slice(1, -1);
  if (type.startsWith('verbatim')) return content.replace(/''/g, "'");
  if (/[$`]/.test(content)) return undefined;
  return content.replace(/""/g, '"');
}

function arrayElements(arrayExpression: Node, index: LineIndex): ArgumentValue[] {
  const statements = arrayExpression.namedChildren.find((child) => child?.type === 'statement_list');
  const pipelines = statements ? namedChildren(statements) : [];
  if (pipelines.length !== 1) return pipelines.map((p) => readValue(p, index));
  const list = findListNode(pipelines[0]);
  return list ? namedChildren(list).map((item) => readValue(item, index)) : [readValue(pipelines[0], index)];
}

function findListNode(node: Node): Node | undefined {
  let current: Node | null = node;
  while (current) {
    if (current.type === 'array_literal_expression') return current;
    const children = namedChildren(current);
    current = children.length === 1 ? children[0] : null;
  }
  return undefined;
}

function unwrap(node: Node): Node {
  let current = node;
  while (WRAPPER_TYPES.has(current.type)) {
    const children = namedChildren(current);
    if (children.length !== 1) break;
    current = children[0];
  }
  return current;
}

function namedChildren(node: Node): Node[] {
  return node.namedChildren.filter((child): child is Node => child !== null && child.type !== 'comment');
}

/** True when the command is not the first element of its pipeline. */
function hasPipelineInput(command: Node): boolean {
  for (let sibling = command.previousSibling; sibling; sibling = sibling.previousSibling) {
    if (sibling.type === '|') return true;
    if (sibling.type !== 'comment') return false;
  }
  return false;
}

/**
 * Resolves `@name` splats to the hashtable literal assigned to `$name`, only when that is certain:
 * exactly one assignment to the variable in the file, before the use, of a hashtable literal, and no
 * other write to it (`$name.X = …`, `$name[…]`, `$name.Add(…)`).
 */
class SplatResolver {
  private assignments?: Map<string, Node[]>;

  constructor(private readonly tree: Tree, private readonly index: LineIndex) {}

  resolve(variable: string, useOffset: number): SplatEntry[] | undefined {
    const key = variable.toLowerCase();
    const assigned = this.assignmentsByVariable().get(key) ?? [];
    if (assigned.length !== 1) return undefined;
    const [assignment] = assigned;
    if (assignment.endIndex > useOffset) return undefined;
    if (this.isModifiedElsewhere(key)) return undefined;
    const value = assignment.childForFieldName('value') ?? assignment.lastNamedChild;
    const hashtable = value ? unwrap(value) : undefined;
    if (!hashtable || hashtable.type !== 'hash_literal_expression' || hashtable.hasError) return undefined;
    return hashtable.descendantsOfType('hash_entry').flatMap((entry) => (entry ? this.readEntry(entry, hashtable) : []));
  }

  private readEntry(entry: Node, hashtable: Node): SplatEntry[] {
    // Only the hashtable's own entries, not those of nested hashtables.
    if (entry.parent?.parent?.id !== hashtable.id) return [];
    const keyNode = entry.namedChildren.find((child) => child?.type === 'key_expression');
    const valueNode = entry.namedChildren.find((child) => child?.type === 'pipeline' || child?.type === 'statement');
    if (!keyNode || !valueNode) return [];
    const name = keyNode.text.replace(/^(['"])(.*)\1$/, '$2');
    return [{ name, nameRange: this.index.rangeOf(keyNode.startIndex, keyNode.endIndex), value: readValue(valueNode, this.index) }];
  }

  private assignmentsByVariable(): Map<string, Node[]> {
    if (this.assignments) return this.assignments;
    this.assignments = new Map();
    for (const assignment of this.tree.rootNode.descendantsOfType('assignment_expression')) {
      const left = assignment?.namedChildren[0];
      const target = left ? unwrap(left.namedChildren[0] ?? left) : undefined;
      if (!assignment || target?.type !== 'variable') continue;
      const name = target.text.slice(1).toLowerCase();
      const list = this.assignments.get(name) ?? [];
      list.push(assignment);
      this.assignments.set(name, list);
    }
    return this.assignments;
  }

  private isModifiedElsewhere(variable: string): boolean {
    const escaped = variable.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
    return new RegExp(`\\$${escaped}\\s*(\\.|\\[)`, 'i').test(this.index.text);
  }
}
