/**
 * The syntax tree of a PowerShell script, as `parseScript` builds it. Positions are offsets in the text (UTF-16 code
 * units, `end` exclusive). Every construct that can hold a command holds it here: the command model (commands.ts),
 * completion and hover read commands from this tree.
 */

export interface Span {
  readonly start: number;
  readonly end: number;
}

/** A syntax error: PowerShell's kind of message, on the smallest range that shows it. */
export interface SyntaxError extends Span {
  readonly message: string;
}

/** A line (`# …`) or block (`<# … #>`) comment. */
export interface CommentNode extends Span {
  readonly kind: 'comment';
}

// ---------------------------------------------------------------------------------------------------------
// Expressions and command arguments

/** `$name`, `$scope:name`, `${any name}`; with `splat`, `@name` in a command. */
export interface VariableNode extends Span {
  readonly kind: 'variable';
  /** The name as written, without `$`/`@` and braces (`true`, `script:x`, `env:PATH`). */
  readonly name: string;
  readonly splat: boolean;
}

export interface NumberNode extends Span {
  readonly kind: 'number';
}

/**
 * A string: quoted, here-string, or an unquoted word in a command's arguments (`bare`). `value` is its value when the
 * text alone fixes it (no variable or sub-expression in it); `nested` holds the expressions expanded inside it.
 */
export interface StringNode extends Span {
  readonly kind: 'string';
  readonly quote: 'single' | 'double' | 'here-single' | 'here-double' | 'bare';
  readonly value: string | undefined;
  readonly nested: readonly ExpressionNode[];
}

/** `<policy name>`: a placeholder of a documentation template, in a command argument. */
export interface PlaceholderNode extends Span {
  readonly kind: 'placeholder';
  /** The text between the angle brackets. */
  readonly label: string;
}

/** `a, b, c`. */
export interface ArrayLiteralNode extends Span {
  readonly kind: 'array-literal';
  readonly elements: readonly ExpressionNode[];
}

/** `@( … )`, `$( … )` and `( … )`: statements (a pipeline in parentheses) whose output is the value. */
export interface GroupNode extends Span {
  readonly kind: 'array-expression' | 'sub-expression' | 'paren';
  readonly statements: readonly StatementNode[];
}

export interface HashEntry {
  readonly key: ExpressionNode;
  readonly value: StatementNode;
}

export interface HashtableNode extends Span {
  readonly kind: 'hashtable';
  readonly entries: readonly HashEntry[];
}

export interface ScriptBlockNode extends Span {
  readonly kind: 'script-block';
  readonly body: ScriptBody;
}

/** `[type]`, alone or as a cast before an operand. */
export interface TypeNode extends Span {
  readonly kind: 'type';
  readonly name: string;
}

export interface CastNode extends Span {
  readonly kind: 'cast';
  readonly type: TypeNode;
  readonly operand: ExpressionNode;
}

export interface UnaryNode extends Span {
  readonly kind: 'unary';
  /** The operator, lower case (`-not`, `!`, `-`, `,`, `++`, `--` before; `++post`, `--post` after). */
  readonly operator: string;
  readonly operand: ExpressionNode;
}

export interface BinaryNode extends Span {
  readonly kind: 'binary';
  /** The operator, lower case, a dash where an en dash, em dash or horizontal bar was written. */
  readonly operator: string;
  readonly left: ExpressionNode;
  readonly right: ExpressionNode;
}

/** `$a.Name`, `[T]::Name`, `$a?.Name`, `$a.$name`; with `arguments`, a method call. */
export interface MemberNode extends Span {
  readonly kind: 'member';
  readonly target: ExpressionNode;
  readonly member: ExpressionNode;
  readonly isStatic: boolean;
  readonly arguments: readonly ExpressionNode[] | undefined;
}

export interface IndexNode extends Span {
  readonly kind: 'index';
  readonly target: ExpressionNode;
  readonly index: ExpressionNode;
}

/** `$a ? b : c`. */
export interface TernaryNode extends Span {
  readonly kind: 'ternary';
  readonly condition: ExpressionNode;
  readonly whenTrue: ExpressionNode;
  readonly whenFalse: ExpressionNode;
}

/** What could not be read as an expression; the syntax error that says why is in the script's errors. */
export interface ErrorNode extends Span {
  readonly kind: 'error';
  readonly nested: readonly SyntaxNode[];
}

export type ExpressionNode =
  | VariableNode
  | NumberNode
  | StringNode
  | PlaceholderNode
  | ArrayLiteralNode
  | GroupNode
  | HashtableNode
  | ScriptBlockNode
  | TypeNode
  | CastNode
  | UnaryNode
  | BinaryNode
  | MemberNode
  | IndexNode
  | TernaryNode
  | ErrorNode;

// ---------------------------------------------------------------------------------------------------------
// Commands and pipelines

/** `-Name`, `-Name:`, `-Name:value`; `-` alone (a half-typed parameter) has the name ''. */
export interface ParameterNode extends Span {
  readonly kind: 'parameter';
  readonly name: string;
  /** The dash as written: `-`, or an en dash, em dash or horizontal bar. */
  readonly dash: string;
  readonly colon: boolean;
  /** `-Name:value`: the value bound in the same element. */
  readonly argument: ExpressionNode | undefined;
}

export interface RedirectionNode extends Span {
  readonly kind: 'redirection';
  readonly operator: string;
  readonly target: ExpressionNode | undefined;
}

export type CommandElementNode = ParameterNode | ExpressionNode | RedirectionNode;

export interface CommandNode extends Span {
  readonly kind: 'command';
  /** `&` or `.` before the name. */
  readonly invocation: '&' | '.' | undefined;
  /** The command name (a bare word usually); undefined for `&` with nothing after it. */
  readonly name: ExpressionNode | undefined;
  readonly elements: readonly CommandElementNode[];
}

/** An expression as a pipeline element (`$x | …`, `"text"`, `(Get-X).Y`). */
export interface ExpressionStatementNode extends Span {
  readonly kind: 'expression-element';
  readonly expression: ExpressionNode;
  readonly redirections: readonly RedirectionNode[];
}

/** Commands and expressions joined by `|`, or one of them run in the background (`&`). */
export interface PipelineNode extends Span {
  readonly kind: 'pipeline';
  readonly elements: readonly (CommandNode | ExpressionStatementNode)[];
  /** Ends with `&` (run as a job). */
  readonly background: boolean;
}

/** `a && b`, `a || b`. */
export interface ChainNode extends Span {
  readonly kind: 'chain';
  readonly operator: '&&' | '||';
  readonly left: StatementNode;
  readonly right: StatementNode;
}

export interface AssignmentNode extends Span {
  readonly kind: 'assignment';
  readonly target: ExpressionNode;
  readonly operator: string;
  readonly value: StatementNode;
}

// ---------------------------------------------------------------------------------------------------------
// Statements

/** `param( … )`: the parameters of a script, script block or function. */
export interface ParamBlockNode extends Span {
  readonly kind: 'param-block';
  readonly attributes: readonly AttributeNode[];
  readonly parameters: readonly ParameterDeclarationNode[];
}

export interface ParameterDeclarationNode extends Span {
  readonly kind: 'parameter-declaration';
  readonly attributes: readonly AttributeNode[];
  readonly variable: VariableNode;
  readonly defaultValue: ExpressionNode | StatementNode | undefined;
}

/** `[Name(arguments)]` or `[type]` before a parameter, a param block, a class or a member. */
export interface AttributeNode extends Span {
  readonly kind: 'attribute';
  readonly name: string;
  readonly arguments: readonly SyntaxNode[];
}

/** The body of a script, a script block or a function: its param block and its statements or named blocks. */
export interface ScriptBody extends Span {
  readonly param: ParamBlockNode | undefined;
  /** The statements; those of every named block (`begin { }`, `process { }`, …) when it has named blocks. */
  readonly statements: readonly StatementNode[];
}

export interface FunctionNode extends Span {
  readonly kind: 'function';
  /** `function`, `filter`, `workflow` or `configuration`. */
  readonly keyword: string;
  readonly name: string;
  readonly nameSpan: Span;
  /** `function Name($a, $b) { }`: the parameters written after the name. */
  readonly parameters: readonly ParameterDeclarationNode[];
  readonly body: ScriptBody | undefined;
}

/**
 * The other statements: `if`, loops, `switch`, `try`, `trap`, `data`, `class`, `enum`, `using`, `return`, `throw`,
 * `exit`, `break`, `continue`, a label. What they hold, in order, is in `children`: the engine reads the commands
 * inside them, not their structure.
 */
export interface CompoundStatementNode extends Span {
  readonly kind: 'statement';
  /** The keyword, lower case. */
  readonly keyword: string;
  readonly children: readonly SyntaxNode[];
}

/** A statement. (A pipeline of one command or expression, not run in the background, is that element itself.) */
export type StatementNode =
  PipelineNode | CommandNode | ExpressionStatementNode | ChainNode | AssignmentNode | FunctionNode | CompoundStatementNode | ParamBlockNode | ErrorNode;

export type SyntaxNode =
  | StatementNode
  | ExpressionNode
  | CommandNode
  | ExpressionStatementNode
  | ParameterNode
  | RedirectionNode
  | ParameterDeclarationNode
  | AttributeNode
  | ScriptBlockNode;

/** A command of the script and whether it gets input from a `|` before it. */
export interface CommandEntry {
  readonly node: CommandNode;
  readonly piped: boolean;
}

/** A parsed script: its statements, comments and syntax errors. */
export interface ScriptTree {
  readonly text: string;
  readonly body: ScriptBody;
  /**
   * Where the script's own statements start (not those of a block in it; none when it has named blocks at the top),
   * and how many of `errors` the parser had found before moving on to each: from any of them on, the rest of the
   * script parses by itself (`parseRegion`), as the parser's state is empty there.
   */
  readonly topLevel: TopLevelStatements;
  /** Every command of the script, wherever it is (in blocks, groups, strings), in document order. */
  readonly commands: readonly CommandEntry[];
  /** Every assignment, in document order. */
  readonly assignments: readonly AssignmentNode[];
  /** The variables whose members or elements are used (`$p.X`, `$p.Add(…)`, `$p[…]`), in document order. */
  readonly accessed: readonly VariableNode[];
  /** Every function (filter, workflow, configuration) the script defines, in document order. */
  readonly functions: readonly FunctionNode[];
  /** Every comment, in document order. */
  readonly comments: readonly CommentNode[];
  readonly errors: readonly SyntaxError[];
}

export interface TopLevelStatements {
  readonly starts: readonly number[];
  readonly errorCounts: readonly number[];
  /**
   * For each statement, an offset such that the text before it decided that statement and those before it (the parser
   * looks ahead: at the token after a statement, for a string's terminator to the end of the text, …).
   */
  readonly reaches: readonly number[];
}

/** A region of a script parsed by itself: its top-level statements from a given one on, up to `end`. */
export interface RegionTree extends ScriptTree {
  readonly end: number;
}
