import { bindCommand, type BoundCommand } from './bind';
import { getCatalog, SERVER_VERSIONS, type Catalog, type TargetVersion } from './catalog';
import { readScript, type ScriptCommand, type ScriptParts, type ScriptSyntaxError } from './parse/commands';
import { parseScript } from './parse/script-parser';
import { Suppressions, type ScriptComment } from './suppress';
import { RULES, type Finding, type FindingInput, type Fix, type Rule, type RuleContext, type Severity } from './rules';
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
  /** What could not be read, with PowerShell's kind of message. */
  readonly syntaxErrors: readonly ScriptSyntaxError[];
  /** The command that loads or connects to the MicrosoftTeams module, when the script is a Teams script. */
  readonly teamsContext?: ScriptCommand;
}

export interface LintResult extends Analysis {
  readonly findings: readonly Finding[];
}

const TARGET_COMMENT = /lync-pic:\s*target\s*=\s*([\w-]+)/i;
const TARGETS: readonly TargetVersion[] = ['any', ...SERVER_VERSIONS];

/** The target version named by a `# lync-pic: target=<version>` comment, if any. */
export function targetFromComment(comments: readonly { readonly text: string }[]): TargetVersion | undefined {
  for (const comment of comments) {
    const value = TARGET_COMMENT.exec(comment.text)?.[1].toLowerCase();
    const target = TARGETS.find((t) => t === value);
    if (target) return target;
  }
  return undefined;
}

/** Parses and lints PowerShell scripts: the one entry point the language server and the CLI share. */
export class Linter {
  constructor(readonly catalog: Catalog = getCatalog()) {}

  lint(text: string, options: LintOptions = {}): LintResult {
    return this.check(this.analyze(text, options.target, options.timings), options);
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
    const tree = measured(timings, 'parse', () => parseScript(text));
    const parts = measured(timings, 'walk', () => readScript(tree, index));
    return measured(timings, 'bind', () => this.analysisOf(index, parts, target));
  }

  /** The analysis of a script from what was read of it. */
  private analysisOf(index: LineIndex, parts: ScriptParts, target: TargetVersion | undefined): Analysis {
    const { commands, comments, errors } = parts;
    const teamsContext = commands.find(isTeamsCommand);
    // Teams' Cs cmdlets share names with the on-premises ones but not their parameters: bind none of them.
    const bound = teamsContext ? [] : this.bind(commands);
    return { text: index.text, index, target: targetFromComment(comments) ?? target ?? 'any', commands, bound, comments, syntaxErrors: errors, teamsContext };
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
  // One context for every rule; `report` tags a finding with the rule that runs.
  let ruleId = '';
  let severity: Severity = 'error';
  const report = (input: FindingInput): void => {
    // (Every finding made by this one literal: one object shape for all, where a spread of the rule's own object
    // took a shape per rule and was 7.7% of a server's keystroke with 2,141 findings.)
    findings.push({ range: input.range, message: input.message, ruleId, severity, fixes: input.fixes ?? NO_FIXES });
  };
  const context: RuleContext = { ...data, report };
  for (const rule of rules) {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting === 'off') continue;
    ruleId = rule.meta.id;
    severity = setting;
    try {
      if (options.timings) options.timings.rule(ruleId, () => rule.check(context));
      else rule.check(context);
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
}

const NO_FIXES: readonly Fix[] = [];
