import { bindCommand, type BoundCommand } from './bind';
import { getCatalog, SERVER_VERSIONS, type Catalog, type TargetVersion } from './catalog';
import { parseIncrementally, type ParsedScript } from './incremental';
import { IncrementalChecker } from './incremental-check';
import { PowerShellParser } from './parse/parser';
import { joinParts, resolveSplats, walkStatements, type ScriptCommand, type ScriptParts } from './parse/commands';
import { Suppressions, type ScriptComment } from './suppress';
import { RULES, type Finding, type FindingInput, type Rule, type RuleContext, type Severity } from './rules';
import { comparePositions, LineIndex } from './text';
import { measured, type Timings } from './util/timing';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** The server version the script targets; an in-file `# lync-pic: target=<version>` comment overrides it. */
  readonly target?: TargetVersion;
  /** Severity overrides by rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Called when a rule fails internally; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
  /** Adds where the time of `lint` goes, by phase and by rule. */
  readonly timings?: Timings;
}

/** What the engine knows of a script: its commands, bound to the catalogue where it knows them. */
export interface Analysis {
  readonly text: string;
  readonly index: LineIndex;
  /** The target version in force (after the in-file override). */
  readonly target: TargetVersion;
  /** The commands of interest (`isCommandOfInterest`: named like Cs cmdlets, and the Teams module commands). */
  readonly commands: readonly ScriptCommand[];
  readonly bound: readonly BoundCommand[];
  /** The lync-pic comments (suppressions, target version). */
  readonly comments: readonly ScriptComment[];
  /** The command that loads or connects to the MicrosoftTeams module, when the script is a Teams script. */
  readonly teamsContext?: ScriptCommand;
}

export interface LintResult extends Analysis {
  readonly findings: readonly Finding[];
}

/** A lint of one version of a document, with the parse to lint the next version from. */
export interface IncrementalLintResult {
  readonly result: LintResult;
  /** Pass it to the next `lintIncremental` call for the document, or `dispose()` it when the document closes. */
  readonly parsed: ParsedScript;
}

const TARGET_COMMENT = /lync-pic:\s*target\s*=\s*([\w-]+)/i;
const TARGETS: readonly TargetVersion[] = ['any', ...SERVER_VERSIONS];

/** The target version named by a `# lync-pic: target=<version>` comment, if any. */
export function targetFromComment(comments: readonly ScriptComment[]): TargetVersion | undefined {
  for (const comment of comments) {
    const value = TARGET_COMMENT.exec(comment.text)?.[1].toLowerCase();
    const target = TARGETS.find((t) => t === value);
    if (target) return target;
  }
  return undefined;
}

/** Parses and lints PowerShell scripts: the one entry point the language server and the CLI share. */
export class Linter {
  private readonly checker: IncrementalChecker;

  private constructor(private readonly parser: PowerShellParser, readonly catalog: Catalog) {
    this.checker = new IncrementalChecker(catalog);
  }

  static async create(catalog: Catalog = getCatalog()): Promise<Linter> {
    return new Linter(await PowerShellParser.create(), catalog);
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    return this.check(this.analyze(text, options.target, options.timings), options);
  }

  /**
   * Lints the next version of a document in an editor: gives the same result as `lint`, but parses incrementally
   * from `previous` (the `parsed` of the last call for the same document) and walks only the top-level statements
   * that changed. `previous` is handed over: this call disposes of it, and the caller keeps the returned `parsed`.
   */
  lintIncremental(text: string, options: LintOptions = {}, previous?: ParsedScript): IncrementalLintResult {
    const index = new LineIndex(text);
    const { parsed, units } = parseIncrementally(this.parser, text, index, previous);
    try {
      const parts = joinParts(units.map((unit) => unit.parts));
      const splats: number[] = [];
      let first = 0;
      for (const unit of units) {
        for (const i of unit.splats) splats.push(first + i);
        first += unit.parts.commands.length;
      }
      const commands = resolveSplats(parts.commands, parts.assignments, index, splats);
      // The objects under which each command was kept: what was computed for them is found again by object.
      // A command with a splat is new in every version (its entries are resolved over the whole script).
      const keys: (ScriptCommand | undefined)[] = [];
      for (const unit of units) for (const command of unit.kept.parts.commands) keys.push(commands[keys.length] === parts.commands[keys.length] ? command : undefined);
      const teamsContext = commands.find(isTeamsCommand);
      const target = targetFromComment(parts.comments) ?? options.target ?? 'any';
      const result = this.checker.check({ index, commands, keys, comments: parts.comments, teamsContext, target }, options);
      return { result, parsed };
    } catch (error) {
      parsed.dispose();
      throw error;
    }
  }

  private check(analysis: Analysis, options: LintOptions): LintResult {
    return measured(options.timings, 'rules', () => {
      const suppressions = new Suppressions(analysis.comments, analysis.index);
      const findings = runRules(RULES, { ...analysis, catalog: this.catalog }, options).filter((f) => !suppressions.isSuppressed(f.ruleId, f.range.start.line));
      return { ...analysis, findings };
    });
  }

  /** Parses a script and binds its commands, without running the rules (for completion, hover and fixes). */
  analyze(text: string, target?: TargetVersion, timings?: Timings): Analysis {
    const index = new LineIndex(text);
    const tree = measured(timings, 'parse', () => this.parser.parse(text));
    let parts: ScriptParts;
    try {
      parts = measured(timings, 'walk', () => walkStatements(tree, index));
    } finally {
      // (Freeing a big tree takes time of its own: tree-sitter releases its nodes one by one.)
      measured(timings, 'free tree', () => tree.delete());
    }
    return measured(timings, 'bind', () => this.analysisOf(index, parts, target));
  }

  /** The analysis of a script from what the walk of its tree found. */
  private analysisOf(index: LineIndex, parts: ScriptParts, target: TargetVersion | undefined): Analysis {
    const commands = resolveSplats(parts.commands, parts.assignments, index);
    const comments = parts.comments;
    const teamsContext = commands.find(isTeamsCommand);
    // Teams' Cs cmdlets share names with the on-premises ones but not their parameters: bind none of them.
    const bound = teamsContext ? [] : this.bind(commands);
    return { text: index.text, index, target: targetFromComment(comments) ?? target ?? 'any', commands, bound, comments, teamsContext };
  }

  private bind(commands: readonly ScriptCommand[]): BoundCommand[] {
    const bound: BoundCommand[] = [];
    for (const command of commands) {
      const cmdlet = this.catalog.cmdlet(command.name);
      if (cmdlet) bound.push(bindCommand(command, cmdlet, this.catalog));
    }
    return bound;
  }
}

/** `Connect-MicrosoftTeams`, or `Import-Module MicrosoftTeams` (by name or -Name). */
function isTeamsCommand(command: ScriptCommand): boolean {
  // Lower-casing keeps the length of names that can match: most commands are ruled out without it.
  if (command.name.length !== 'connect-microsoftteams'.length && command.name.length !== 'import-module'.length) return false;
  const name = command.name.toLowerCase();
  if (name === 'connect-microsoftteams') return true;
  if (name !== 'import-module') return false;
  return command.elements.some((e) => e.type === 'value' && e.value.literal?.toLowerCase() === 'microsoftteams');
}

type ContextData = Omit<RuleContext, 'report'>;

function runRules(rules: readonly Rule[], data: ContextData, options: LintOptions): Finding[] {
  const findings: Finding[] = [];
  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    const report = (input: FindingInput): void => {
      findings.push({ ...input, ruleId: rule.meta.id, severity: setting, fixes: input.fixes ?? [] });
    };
    const context: RuleContext = { ...data, report };
    try {
      if (options.timings) options.timings.rule(rule.meta.id, () => rule.check(context));
      else rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
