import { bindCommand, type BoundCommand } from './bind';
import { getCatalog, SERVER_VERSIONS, type Catalog, type TargetVersion } from './catalog';
import { PowerShellParser } from './parse/parser';
import { extractComments, extractCommands, type ScriptCommand } from './parse/commands';
import { Suppressions, type ScriptComment } from './suppress';
import { RULES, type Finding, type FindingInput, type Rule, type RuleContext, type Severity } from './rules';
import { comparePositions, LineIndex } from './text';

export type RuleSetting = Severity | 'off';

export interface LintOptions {
  /** The server version the script targets; an in-file `# lync-pic: target=<version>` comment overrides it. */
  readonly target?: TargetVersion;
  /** Severity overrides by rule id. */
  readonly rules?: Readonly<Record<string, RuleSetting>>;
  /** Called when a rule fails internally; the other rules still run. */
  readonly onRuleError?: (ruleId: string, error: unknown) => void;
}

/** What the engine knows of a script: its commands, bound to the catalogue where it knows them. */
export interface Analysis {
  readonly text: string;
  readonly index: LineIndex;
  /** The target version in force (after the in-file override). */
  readonly target: TargetVersion;
  readonly commands: readonly ScriptCommand[];
  readonly bound: readonly BoundCommand[];
  readonly comments: readonly ScriptComment[];
  /** The command that loads or connects to the MicrosoftTeams module, when the script is a Teams script. */
  readonly teamsContext?: ScriptCommand;
}

export interface LintResult extends Analysis {
  readonly findings: readonly Finding[];
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
  private constructor(private readonly parser: PowerShellParser, readonly catalog: Catalog) {}

  static async create(catalog: Catalog = getCatalog()): Promise<Linter> {
    return new Linter(await PowerShellParser.create(), catalog);
  }

  lint(text: string, options: LintOptions = {}): LintResult {
    const analysis = this.analyze(text, options.target);
    const suppressions = new Suppressions(analysis.comments, analysis.index);
    const findings = runRules(RULES, { ...analysis, catalog: this.catalog }, options).filter((f) => !suppressions.isSuppressed(f.ruleId, f.range.start.line));
    return { ...analysis, findings };
  }

  /** Parses a script and binds its commands, without running the rules (for completion, hover and fixes). */
  analyze(text: string, target?: TargetVersion): Analysis {
    const index = new LineIndex(text);
    const tree = this.parser.parse(text);
    try {
      const commands = extractCommands(tree, index);
      const comments = extractComments(tree, index);
      const teamsContext = commands.find(isTeamsCommand);
      // Teams' Cs cmdlets share names with the on-premises ones but not their parameters: bind none of them.
      const bound = teamsContext ? [] : this.bind(commands);
      return { text, index, target: targetFromComment(comments) ?? target ?? 'any', commands, bound, comments, teamsContext };
    } finally {
      tree.delete();
    }
  }

  private bind(commands: readonly ScriptCommand[]): BoundCommand[] {
    return commands.flatMap((command) => {
      const cmdlet = this.catalog.cmdlet(command.name);
      return cmdlet ? [bindCommand(command, cmdlet, this.catalog)] : [];
    });
  }
}

/** `Connect-MicrosoftTeams`, or `Import-Module MicrosoftTeams` (by name or -Name). */
function isTeamsCommand(command: ScriptCommand): boolean {
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
    try {
      rule.check({ ...data, report });
    } catch (error) {
      options.onRuleError?.(rule.meta.id, error);
    }
  }
  return findings.sort((a, b) => comparePositions(a.range.start, b.range.start));
}
