import type { ScriptComment } from '../suppress';
import { comparePositions, LineIndex, type Position, type Range } from '../text';
import { parseScriptInto, type FoundParts, type FoundSink } from './script-parser';
import type { AssignmentNode, CommandNode, ExpressionNode, HashtableNode, ScriptTree, StatementNode, SyntaxError, TopLevelStatements } from './syntax';
import {
  PlacedCommand,
  PlacedParameter,
  PlacedValue,
  type ArgumentValue,
  type CommandElement,
  type CommandPlacement,
  type Placement,
  type ScriptCommand,
  type SplatEntry,
  type ValueKind,
} from './model';
import { equalIgnoringAsciiCase } from '../util/ascii';
import type { Kept } from '../util/cache';
import { mappedToObjects, objectList, sizedList } from '../util/object-list';

export type { ArgumentValue, CommandElement, ParameterToken, ScriptCommand, SplatEntry, SplatToken, ValueKind, ValueToken } from './model';

/** What the engine reads of a script: its commands, comments and assignments, and its syntax errors. */
export interface ScriptParts {
  readonly commands: readonly ScriptCommand[];
  readonly comments: readonly ScriptComment[];
  readonly assignments: readonly VariableAssignment[];
  /** The variables whose members or elements are used. */
  readonly accessed: readonly VariableUse[];
  /** The functions the script defines. */
  readonly functions: readonly FunctionDefinition[];
  readonly errors: readonly ScriptSyntaxError[];
}

export interface ScriptSyntaxError {
  readonly message: string;
  readonly range: Range;
}

/** An assignment to a variable (`$name = …`): what resolving a `@name` splat needs of it. */
export interface VariableAssignment {
  /** The variable's name, lower case, without the `$`. */
  readonly variable: string;
  readonly start: Position;
  readonly end: Position;
  /** The entries of the value when it is a hashtable literal without syntax errors; otherwise undefined. */
  readonly entries: readonly SplatEntry[] | undefined;
}

/** A variable whose members or elements are used (`$p.X`, `$p.Add(…)`, `$p[…]`). */
export interface VariableUse {
  /** The variable's name, lower case, without the `$`. */
  readonly variable: string;
  readonly start: Position;
}

/** A function (filter, workflow) the script defines: a command of its name is that function, not a cmdlet. */
export interface FunctionDefinition {
  /** The name without a scope (`global:Set-CsX` defines `Set-CsX`). */
  readonly name: string;
  readonly start: Position;
}

/** Whether the engine keeps a command of this name: a Cs cmdlet name, or a module command that tells a Teams script. */
export function isCommandOfInterest(name: string): boolean {
  // (Called on every command of a script: no match arrays, no lower-cased copy. A `-cs` after a blank does not count:
  // `& 'Get-Date -csv'`.)
  const dash = firstCsDash(name);
  if (dash >= 0 && !hasWhitespaceBefore(name, dash + 3)) return true;
  return equalIgnoringAsciiCase(name, IMPORT_MODULE) || equalIgnoringAsciiCase(name, CONNECT_TEAMS) || equalIgnoringAsciiCase(name, IMPORT_SESSION);
}

const IMPORT_MODULE = 'import-module';
const CONNECT_TEAMS = 'connect-microsoftteams';
const IMPORT_SESSION = 'import-pssession';

/** Where the first `-cs` (in any case) of the text starts; -1 when none. */
function firstCsDash(text: string): number {
  for (let dash = text.indexOf('-'); dash >= 0 && dash + 2 < text.length; dash = text.indexOf('-', dash + 1)) {
    if ((text.charCodeAt(dash + 1) | 0x20) === 0x63 && (text.charCodeAt(dash + 2) | 0x20) === 0x73) return dash;
  }
  return -1;
}

/** Whether a character that `\s` matches comes before `end`: a loop, not a regular expression. */
function hasWhitespaceBefore(text: string, end: number): boolean {
  for (let i = 0; i < end; i++) if (isWhitespace(text.charCodeAt(i))) return true;
  return false;
}

/** The characters of `\s`: ECMAScript's white space and line terminators. */
function isWhitespace(c: number): boolean {
  if (c < 0x80) return c === 0x20 || (c >= 0x09 && c <= 0x0d);
  return (
    c === 0xa0 || c === 0x1680 || (c >= 0x2000 && c <= 0x200a) || c === 0x2028 || c === 0x2029 || c === 0x202f || c === 0x205f || c === 0x3000 || c === 0xfeff
  );
}

/** Whether the engine keeps a comment: it reads only its own (`# lync-pic-disable…`, `# lync-pic: target=…`). */
export function isCommentOfInterest(text: string): boolean {
  return /lync-pic/i.test(text);
}

export interface ReadOptions {
  /** Keep every command and comment, not only those of interest (for tests and tools). */
  readonly all?: boolean;
}

/** Every command of a script, splats resolved: for tests and tools. */
export function extractCommands(text: string): ScriptCommand[] {
  const { parts } = readText(text, new LineIndex(text), { all: true });
  return resolveSplats(parts.commands, parts.assignments, parts.accessed);
}

/**
 * Reads the commands (those of interest, `isCommandOfInterest`, unless `all`), the lync-pic comments and the
 * assignments of a parsed script, with its syntax errors, and resolves the splats.
 */
export function readScript(tree: ScriptTree, index: LineIndex, options: ReadOptions = {}): ScriptParts {
  const parts = readParts(tree, index, options);
  return { ...parts, commands: resolveSplats(parts.commands, parts.assignments, parts.accessed) };
}

/**
 * What `readScript` reads, splats not resolved (a splat depends on assignments anywhere in the script), of the
 * commands, assignments and comments that start before `end` (a region of the script parsed by itself stops before a
 * statement whose first token it had to look at). Errors are kept in the order the parser found them.
 */
export function readParts(tree: ScriptTree, index: LineIndex, options: ReadOptions = {}, end = afterText(tree.text)): ScriptParts {
  const reading = new ScriptReading(tree.text, index, options.all === true, false);
  reading.read(tree, tree.errors, end);
  return reading.parts(tree, end);
}

/**
 * Parses a script and reads it as `readParts` does, each top-level statement as soon as it is parsed
 * (`parseScriptInto`: the syntax tree is never kept whole). With where its top-level statements start.
 *
 * The model's parts are placed lazily (`model.ts`: ranges and values' texts made when first read; a splat's range is a
 * `LineIndex.lazyRangeOf`): a lint reads few of a whole script's. Those of `readParts` are placed at once: it reads
 * the statements around an edit again (`reread`), whose commands are kept through the next versions of the script,
 * and lazy parts would keep the text and line index of each of those versions alive.
 */
export function readText(text: string, index: LineIndex, options: ReadOptions = {}): { parts: ScriptParts; topLevel: TopLevelStatements } {
  const reader = new StatementReader(text, index, options.all === true);
  const tree = parseScriptInto(text, reader);
  return { parts: reader.reading.parts(tree), topLevel: tree.topLevel };
}

/**
 * Reads the statements the parser hands over (`readText`). (Its reading is made at once, not at the first statement:
 * a branch run once a lint, before V8 has feedback for it, deoptimised the parser's code it is inlined in, in the next.)
 */
class StatementReader implements FoundSink {
  readonly reading: ScriptReading;

  constructor(text: string, index: LineIndex, all: boolean) {
    this.reading = new ScriptReading(text, index, all, true);
  }

  take(found: FoundParts, errors: readonly SyntaxError[]): void {
    this.reading.read(found, errors);
  }
}

const NO_ELEMENTS: CommandElement[] = sizedList(0);
const NO_ERRORS: readonly SyntaxError[] = objectList();

/** An offset after all of a text: a small integer, as every offset (not Infinity, which would make V8 deoptimise the reader). */
function afterText(text: string): number {
  return text.length + 1;
}

/** Reads the command model out of the syntax tree's commands and assignments, in document order. */
class ScriptReading {
  private readonly commands: ScriptCommand[] = objectList();
  private readonly assignments: VariableAssignment[] = objectList();
  private readonly functions: FunctionDefinition[] = objectList();
  private readonly accessed: VariableUse[] = objectList();

  /** The syntax errors (found so far, when the script is read as it is parsed), as of the last `read`. */
  private errors: readonly SyntaxError[] = NO_ERRORS;

  /** Where the model's parts are when they are placed lazily: one object for all (`model.ts`). */
  private readonly lazily: CommandPlacement | undefined;

  constructor(
    private readonly text: string,
    private readonly index: LineIndex,
    private readonly all: boolean,
    /** Whether the model's ranges (and values' texts) are worked out when first read (`readText`). */
    lazyRanges: boolean,
  ) {
    this.lazily = lazyRanges ? { index, range: undefined, nameRange: undefined } : undefined;
  }

  private rangeOf(start: number, end: number): Range {
    return this.lazily ? this.index.lazyRangeOf(start, end) : this.index.rangeOf(start, end);
  }

  /** Where a part of the model from `start` to `end` is (`Placement`). */
  private placement(start: number, end: number): Placement {
    return this.lazily ?? { index: undefined, range: this.index.rangeOf(start, end) };
  }

  /** Reads what was found (that starts before `end`), in document order, with the syntax errors found so far. */
  read(found: FoundParts, errors: readonly SyntaxError[], end = afterText(this.text)): void {
    this.errors = errors;
    for (const { node, piped } of found.commands) if (node.start < end) this.readCommand(node, piped);
    for (const assignment of found.assignments) if (assignment.start < end) this.readAssignment(assignment);
    for (const definition of found.functions) {
      if (definition.start < end && definition.keyword !== 'configuration' && definition.name)
        this.functions.push({ name: definition.name.replace(/^(?:global|script|local|private):/i, ''), start: this.index.positionAt(definition.start) });
    }
    for (const variable of found.accessed)
      if (variable.start < end) this.accessed.push({ variable: variable.name.toLowerCase(), start: this.index.positionAt(variable.start) });
  }

  /** What was read, with the comments and errors of the tree (those that start before `end`). */
  parts(tree: ScriptTree, end = afterText(this.text)): ScriptParts {
    const comments: ScriptComment[] = objectList();
    for (const comment of tree.comments) {
      if (comment.start >= end) continue;
      const text = this.text.slice(comment.start, comment.end);
      if (this.all || isCommentOfInterest(text)) comments.push({ text, range: this.index.rangeOf(comment.start, comment.end) });
    }
    const errors = tree.errors.map((error) => ({ message: error.message, range: this.index.rangeOf(error.start, error.end) }));
    return { commands: this.commands, comments, assignments: this.assignments, accessed: this.accessed, functions: this.functions, errors };
  }

  private readCommand(node: CommandNode, pipelineInput: boolean): void {
    const nameNode = node.name;
    if (!nameNode) return;
    const name = this.sourceOf(nameNode);
    if (!this.all && !isCommandOfInterest(name)) return;
    // (An array of the elements' count, made before they are read: a list grown by `push` takes 16 slots at once for
    // the three or four elements of most commands; and one list kept for every command, then copied at its count,
    // grew old in V8's heap, each element written into it a remembered-set entry for the collector.)
    const size = elementCount(node);
    const gathered = size === 0 ? NO_ELEMENTS : sizedList<CommandElement>(size);
    let count = 0;
    let endOffset = nameNode.end;
    let splatted = false;
    for (const element of node.elements) {
      if (element.kind === 'redirection') continue;
      endOffset = element.end;
      if (element.kind === 'parameter') {
        const tokenEnd = element.argument ? this.parameterTokenEnd(element.start, element.argument.start) : element.end;
        const placement = this.placement(element.start, tokenEnd);
        gathered[count++] = new PlacedParameter(element.name, element.colon, element.dash !== '-', placement, element.start, tokenEnd);
        if (element.argument) gathered[count++] = this.readValue(element.argument);
      } else if (element.kind === 'variable' && element.splat) {
        gathered[count++] = { type: 'splat', variable: element.name, range: this.rangeOf(element.start, element.end) };
        splatted = true;
      } else {
        gathered[count++] = this.readValue(element);
      }
    }
    const placement = this.lazily ?? {
      index: undefined,
      range: this.index.rangeOf(node.start, endOffset),
      nameRange: this.index.rangeOf(nameNode.start, nameNode.end),
    };
    this.commands.push(new PlacedCommand(name, gathered, pipelineInput, splatted, placement, node.start, endOffset, nameNode.start, nameNode.end));
  }

  /** The end of `-Name:` before its value (blanks between them are not part of the token). */
  private parameterTokenEnd(start: number, valueStart: number): number {
    // (Looked for up to the value only: `indexOf` would go on to the next colon of the script, often lines away.)
    for (let at = start; at < valueStart; at++) if (this.text.charCodeAt(at) === 0x3a /* : */) return at + 1;
    return valueStart;
  }

  /** A node's text. (A bare word without escapes is its value: one string for both, not a copy of its text more.) */
  private sourceOf(node: ExpressionNode): string {
    return node.kind === 'string' && node.quote === 'bare' && node.value?.length === node.end - node.start ? node.value : this.text.slice(node.start, node.end);
  }

  private readValue(node: ExpressionNode): PlacedValue {
    switch (node.kind) {
      case 'string':
        if (node.value === undefined) return this.value('expression', node);
        return this.value(node.quote === 'bare' ? 'bareword' : 'string', node, node.value);
      case 'number':
        return this.value('number', node, this.text.slice(node.start, node.end));
      case 'variable': {
        const literal = booleanLiteral(node.name);
        return this.value(literal ? 'boolean' : 'variable', node, literal);
      }
      case 'array-literal':
        return this.value(
          'array',
          node,
          undefined,
          mappedToObjects(node.elements, (element) => this.readValue(element)),
        );
      case 'array-expression':
        return this.value('array', node, undefined, this.arrayElements(node.statements));
      case 'hashtable':
        return this.value('hashtable', node);
      case 'script-block':
        return this.value('scriptblock', node);
      case 'placeholder':
        return this.value('placeholder', node);
      default:
        return this.value('expression', node);
    }
  }

  /**
   * A value of the model for a node (or a statement). Its text is made now when the model is placed at once, or when it
   * is its literal (a number, a bare word without escapes: one string for both); else when first read.
   */
  private value(kind: ValueKind, node: { readonly start: number; readonly end: number }, literal?: string, elements?: readonly ArgumentValue[]): PlacedValue {
    const { start, end } = node;
    const ownLiteral = (kind === 'bareword' || kind === 'number') && literal?.length === end - start;
    const text = ownLiteral ? literal : this.lazily ? undefined : this.text.slice(start, end);
    return new PlacedValue(kind, text, literal, elements, this.placement(start, end), start, end);
  }

  /** The elements of `@( … )`: those of its one comma list, or one per statement. */
  private arrayElements(statements: readonly StatementNode[]): ArgumentValue[] {
    const only = statements.length === 1 ? expressionOf(statements[0]) : undefined;
    if (only?.kind === 'array-literal') return mappedToObjects(only.elements, (element) => this.readValue(element));
    return mappedToObjects(statements, (statement) => this.statementValue(statement));
  }

  private statementValue(statement: StatementNode): ArgumentValue {
    const expression = expressionOf(statement);
    return expression ? this.readValue(expression) : this.value('expression', statement);
  }

  /** `$name = …` (a plain variable: not `$script:name`, `$name.X`, `$a, $b`) and, for a hashtable literal, its entries. */
  private readAssignment({ target, value, start, end }: AssignmentNode): void {
    if (target.kind !== 'variable' || !/^\w+$/.test(target.name)) return;
    const expression = expressionOf(value);
    const entries = expression?.kind === 'hashtable' && !this.hasErrorIn(expression) ? this.hashEntries(expression) : undefined;
    this.assignments.push({ variable: target.name.toLowerCase(), start: this.index.positionAt(start), end: this.index.positionAt(end), entries });
  }

  private hasErrorIn(node: HashtableNode): boolean {
    return this.errors.some((error: SyntaxError) => error.start < node.end && error.end > node.start);
  }

  private hashEntries(hashtable: HashtableNode): SplatEntry[] {
    return mappedToObjects(hashtable.entries, (entry) => {
      const key = entry.key;
      const name = key.kind === 'string' && key.value !== undefined ? key.value : this.text.slice(key.start, key.end);
      return { name, nameRange: this.rangeOf(key.start, key.end), value: this.statementValue(entry.value) };
    });
  }
}

/** `$true` or `$false` for a variable of that name in any case; undefined for any other (the model keeps one string for each). */
function booleanLiteral(name: string): '$true' | '$false' | undefined {
  if (equalIgnoringAsciiCase(name, 'true')) return '$true';
  if (equalIgnoringAsciiCase(name, 'false')) return '$false';
  return undefined;
}

/** How many elements the model of a command holds: one per element of the tree but redirections, two for `-Name:value`. */
function elementCount(node: CommandNode): number {
  let count = 0;
  for (const element of node.elements) if (element.kind !== 'redirection') count += element.kind === 'parameter' && element.argument ? 2 : 1;
  return count;
}

/** The expression a statement is when it is a pipeline of one expression (`$x = @{…}`, `@( 'a', 'b' )`). */
function expressionOf(statement: StatementNode): ExpressionNode | undefined {
  const element = statement.kind === 'pipeline' && statement.elements.length === 1 ? statement.elements[0] : statement;
  return element.kind === 'expression-element' && element.redirections.length === 0 ? element.expression : undefined;
}

/**
 * Resolves `@name` splats to the hashtable literal assigned to `$name`, only when that is certain:
 * exactly one assignment to the variable in the file, before the use, of a hashtable literal, and no
 * other write to it (`$name.X = …`, `$name[…]`, `$name.Add(…)`: any use of its members or elements counts). Returns the commands, with new objects for
 * those that hold a splat. With `resolvedBefore` (each command's resolved object, kept from the lints of earlier
 * versions of the script), a command whose splats resolve to the same entries as before keeps its resolved object,
 * and with it the bindings and findings kept for it: otherwise every command with a splat would be bound and checked
 * again on every keystroke.
 */
export function resolveSplats(
  commands: readonly ScriptCommand[],
  assignments: readonly VariableAssignment[],
  accessed: readonly VariableUse[],
  resolvedBefore?: Kept<ScriptCommand, ScriptCommand>,
): ScriptCommand[] {
  const holders = splatHolders(commands);
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
  const resolve = (variable: string, use: Position): readonly SplatEntry[] | undefined => {
    const key = variable.toLowerCase();
    const assigned = byVariable.get(key) ?? [];
    if (assigned.length !== 1) return undefined;
    const [assignment] = assigned;
    if (comparePositions(assignment.end, use) > 0) return undefined;
    modified ??= new Set(accessed.filter((use) => splatted.has(use.variable)).map((use) => use.variable));
    if (modified.has(key)) return undefined;
    return assignment.entries;
  };
  const resolved = [...commands];
  for (const i of holders) {
    const command = commands[i];
    const before = resolvedBefore?.get(command);
    if (before && resolvesAsBefore(command, before, resolve)) {
      resolved[i] = before;
      continue;
    }
    // (A copy with the splats replaced, not a `map`: once V8 optimises it, `map` makes arrays of another elements kind,
    // and the binder's and rules' code, optimised for the one kind, deoptimised on the other.)
    const elements = command.elements.slice();
    for (let k = 0; k < elements.length; k++) {
      const element = elements[k];
      if (element.type === 'splat')
        elements[k] = { type: 'splat', variable: element.variable, range: element.range, entries: resolve(element.variable, element.range.start) };
    }
    resolved[i] = withElements(command, elements);
    resolvedBefore?.set(command, resolved[i]);
  }
  return resolved;
}

/** A command with other elements, of the reader's class when it is one (V8 then sees one shape of command). */
function withElements(command: ScriptCommand, elements: readonly CommandElement[]): ScriptCommand {
  if (command instanceof PlacedCommand) return command.withElements(elements);
  return { name: command.name, nameRange: command.nameRange, range: command.range, elements, pipelineInput: command.pipelineInput, splatted: true };
}

/** Whether each splat of `command` resolves to the very entries its resolved object `before` holds. */
function resolvesAsBefore(
  command: ScriptCommand,
  before: ScriptCommand,
  resolve: (variable: string, use: Position) => readonly SplatEntry[] | undefined,
): boolean {
  for (let i = 0; i < command.elements.length; i++) {
    const element = command.elements[i];
    if (element.type !== 'splat') continue;
    const kept = before.elements[i];
    if (kept.type !== 'splat' || kept.entries !== resolve(element.variable, element.range.start)) return false;
  }
  return true;
}

function splatHolders(commands: readonly ScriptCommand[]): number[] {
  const holders: number[] = [];
  for (let i = 0; i < commands.length; i++) if (commands[i].splatted) holders.push(i);
  return holders;
}
