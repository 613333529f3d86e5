/**
 * The command model: what the engine reads of each command of a script (`commands.ts` reads it out of the syntax
 * tree), as the binder, the rules, completion and hover see it.
 */
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
  | 'placeholder' // <policy name>: a placeholder of a documentation template
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
  /** Some of its elements are splats (`SplatToken`): told once when read, not found again at each lint. */
  readonly splatted: boolean;
}

// The model's objects as the reader makes them. Read with a whole script (`readText`), each keeps its offsets and the
// script's line index, and works out its range, and a value its text, when first asked: a lint of a large script asks
// for few of them. Made at once, with a value object wrapped in an element object, they kept 20.5 MB for a lint of the
// benchmark's script instead of 17.8, memory that V8's young-generation collector copies as it goes, and reading was
// 14% of a lint's CPU profile instead of 9% (docs/performance.md, "A leaner command model"). Read again around an
// edit (`readParts`), they are made at once: the commands kept through the next versions of the script must not keep
// each version's text and line index alive. Serialised (`toJSON`) as the plain objects their interfaces describe (a
// value as an `ArgumentValue`).

/** Where each part of the model is: made at once (`range`), or worked out from the offsets with `index`. */
export interface Placement {
  readonly index: LineIndex | undefined;
  readonly range: Range | undefined;
}

/** A range made when first read, from offsets in an index's text; or made at once (the offsets are then unused). */
abstract class Placed {
  private made: Range | undefined;
  protected readonly index: LineIndex | undefined;

  constructor(
    placement: Placement,
    protected readonly startOffset: number,
    protected readonly endOffset: number,
  ) {
    this.index = placement.index;
    this.made = placement.range;
  }

  get range(): Range {
    return (this.made ??= placingIndex(this.index).rangeOf(this.startOffset, this.endOffset));
  }
}

/** The index a part placed lazily works out its range and text with (one placed at once has all it needs). */
function placingIndex(index: LineIndex | undefined): LineIndex {
  if (!index) throw new Error('a part of the command model placed at once, asked for what it was not given');
  return index;
}

/** A `-Name` token. */
export class PlacedParameter extends Placed implements ParameterToken {
  constructor(
    readonly name: string,
    readonly colon: boolean,
    readonly alternativeDash: boolean,
    placement: Placement,
    startOffset: number,
    endOffset: number,
  ) {
    super(placement, startOffset, endOffset);
  }

  get type(): 'parameter' {
    return 'parameter';
  }

  toJSON(): ParameterToken {
    return { type: this.type, name: this.name, range: this.range, colon: this.colon, alternativeDash: this.alternativeDash };
  }
}

/**
 * A value, and the element of a command that it is (`ValueToken`): one object for both, not a wrapper more for each of
 * the tens of thousands of values a large script's commands hold.
 */
export class PlacedValue extends Placed implements ArgumentValue, ValueToken {
  private madeText: string | undefined;

  /** `text` undefined: worked out from the index's text when first read. */
  constructor(
    readonly kind: ValueKind,
    text: string | undefined,
    readonly literal: string | undefined,
    readonly elements: readonly ArgumentValue[] | undefined,
    placement: Placement,
    startOffset: number,
    endOffset: number,
  ) {
    super(placement, startOffset, endOffset);
    this.madeText = text;
  }

  get type(): 'value' {
    return 'value';
  }

  get value(): ArgumentValue {
    return this;
  }

  get text(): string {
    return (this.madeText ??= placingIndex(this.index).text.slice(this.startOffset, this.endOffset));
  }

  toJSON(): ArgumentValue {
    return { kind: this.kind, text: this.text, range: this.range, literal: this.literal, elements: this.elements };
  }
}

/** Where a command is, and its name: made at once, or worked out from the offsets with `index`. */
export interface CommandPlacement extends Placement {
  readonly nameRange: Range | undefined;
}

/** A command: its range and its name's. */
export class PlacedCommand extends Placed implements ScriptCommand {
  private madeNameRange: Range | undefined;

  constructor(
    readonly name: string,
    readonly elements: readonly CommandElement[],
    readonly pipelineInput: boolean,
    readonly splatted: boolean,
    placement: CommandPlacement,
    startOffset: number,
    endOffset: number,
    private readonly nameStart: number,
    private readonly nameEnd: number,
  ) {
    super(placement, startOffset, endOffset);
    this.madeNameRange = placement.nameRange;
  }

  get nameRange(): Range {
    return (this.madeNameRange ??= placingIndex(this.index).rangeOf(this.nameStart, this.nameEnd));
  }

  /** The same command with other elements (its splats resolved). */
  withElements(elements: readonly CommandElement[]): PlacedCommand {
    const placement = this.index
      ? { index: this.index, range: undefined, nameRange: undefined }
      : { index: undefined, range: this.range, nameRange: this.nameRange };
    return new PlacedCommand(this.name, elements, this.pipelineInput, true, placement, this.startOffset, this.endOffset, this.nameStart, this.nameEnd);
  }

  toJSON(): ScriptCommand {
    return {
      name: this.name,
      nameRange: this.nameRange,
      range: this.range,
      elements: this.elements,
      pipelineInput: this.pipelineInput,
      splatted: this.splatted,
    };
  }
}
