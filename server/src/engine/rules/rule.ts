import type { Catalog, CatalogModule, CmdletSpec, TargetVersion } from '../catalog';
import type { BoundCommand } from '../bind';
import type { ScriptCommand, ScriptSyntaxError } from '../parse/commands';
import type { LineIndex, Range, TextEdit } from '../text';

export type Severity = 'error' | 'warning' | 'info' | 'hint';
export const SEVERITIES: readonly Severity[] = ['error', 'warning', 'info', 'hint'];

export interface RuleMeta {
  /** Stable id: shown on every finding, used in settings and suppression comments. */
  readonly id: string;
  /** One line: what the rule finds. */
  readonly summary: string;
  readonly defaultSeverity: Severity;
  /** The lync-pic version that introduced the rule. */
  readonly since: string;
}

/** A text change that repairs a finding. */
export interface Fix {
  readonly title: string;
  readonly edits: readonly TextEdit[];
  /** Safe to apply without looking: used by fix-all and marked preferred in the editor. */
  readonly safe: boolean;
}

export interface FindingInput {
  readonly range: Range;
  readonly message: string;
  readonly fixes?: readonly Fix[];
}

export interface Finding extends FindingInput {
  readonly ruleId: string;
  readonly severity: Severity;
  readonly fixes: readonly Fix[];
}

/** What a rule that judges one command by itself sees. */
export interface CommandContext {
  readonly index: LineIndex;
  readonly target: TargetVersion;
  readonly catalog: Catalog;
  /** The module the command calls a cmdlet of (`module-context.ts`); `target` is `teams` for a Teams one. */
  readonly module: CatalogModule;
  /** The command is bound to a cmdlet of the catalogue (`checkBound` sees it too). */
  readonly isBound: boolean;
  /** The script connects to Microsoft Teams, or targets it. */
  readonly teamsConnected: boolean;
  /** The names (lower case) of the functions the script defines: a command of such a name is no cmdlet. */
  readonly definedFunctions: ReadonlySet<string>;
  report(finding: FindingInput): void;
}

/** What a rule that judges the script as a whole sees. */
export interface RuleContext {
  readonly text: string;
  readonly index: LineIndex;
  readonly target: TargetVersion;
  readonly catalog: Catalog;
  /** The commands named like Cs cmdlets (and the Teams module commands), bound or not. */
  readonly commands: readonly ScriptCommand[];
  /** The commands of the catalogue, bound to their parameters (none in a Teams script). */
  readonly bound: readonly BoundCommand[];
  /**
   * The bound commands of the server cmdlet of this name (spelt as the catalogue spells it), in document order: a rule
   * about a few cmdlets goes through their commands, not through all of a script's at every keystroke.
   */
  boundOf(cmdletName: string): readonly BoundCommand[];
  /** The command that connects the script to Microsoft Teams, if it does (`module-context.ts`). */
  readonly teamsContext?: ScriptCommand;
  /** The names (lower case) of the functions the script defines. */
  readonly definedFunctions: ReadonlySet<string>;
  /** What the parser could not read. */
  readonly syntaxErrors: readonly ScriptSyntaxError[];
  /**
   * What `compute` makes of one command (`of`: the command, or its binding), kept with it as a command rule's findings
   * are: while it is the same object (unchanged, as the script is edited elsewhere), with the same target version,
   * Teams connection, rule settings and functions named like cmdlets. `compute` must depend on nothing else (the
   * command's own line counts as the command's: an edit of that line reads the command again). A finding input kept
   * so and reported again is the same finding: what the editor made of it is kept too. (`compute` gets the command
   * and the context, so that it can be a function of the module: a closure would be made for every command at every
   * lint, kept or not.)
   */
  perCommand<Of extends ScriptCommand | BoundCommand, T>(of: Of, compute: (of: Of, context: RuleContext) => T): T;
  report(finding: FindingInput): void;
}

/**
 * A rule judges commands one at a time (`checkBound`, `checkCommand`), or the script as a whole (`checkScript`). What
 * a rule finds on one command must follow from that command alone (with the target version and the catalogue): the
 * linter keeps those findings with the command and reuses them while the command is unchanged, as the script is
 * edited elsewhere.
 */
export interface Rule {
  readonly meta: RuleMeta;
  /**
   * Whether the rule judges the commands of this cmdlet at all: asked once per cmdlet and lint, and `checkBound` runs on
   * the commands of the cmdlets it applies to only (a rule about one cmdlet then costs nothing on the thousands of
   * commands of others). Absent: every cmdlet. For rules without `checkCommand`.
   */
  appliesTo?(cmdlet: CmdletSpec): boolean;
  /** Judges a command of the catalogue, bound to its parameters. */
  checkBound?(bound: BoundCommand, context: CommandContext): void;
  /** Judges any command of interest (named like a Cs cmdlet), bound or not. */
  checkCommand?(command: ScriptCommand, context: CommandContext): void;
  /** Judges what needs more than one command: the script's other commands, its errors, its context. */
  checkScript?(context: RuleContext): void;
}

/** Path of a rule's documentation page, relative to the package root. */
export function docsPath(ruleId: string): string {
  return `docs/rules/${ruleId}.md`;
}
