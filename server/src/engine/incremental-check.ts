import { bindCommand, type BoundCommand } from './bind';
import type { Catalog, TargetVersion } from './catalog';
import type { Analysis, LintOptions, LintResult } from './lint';
import type { ScriptCommand } from './parse/commands';
import { RULES, type Finding, type FindingInput, type RuleContext } from './rules';
import { Suppressions, type ScriptComment } from './suppress';
import { comparePositions, type LineIndex } from './text';

/** The binding of a command for the same command at other offsets (an object literal: this runs for many commands). */
function withCommand(bound: BoundCommand, command: ScriptCommand): BoundCommand {
  const { cmdlet, parameters, common, unresolved, positional, openSplat, sets, identity } = bound;
  return { command, cmdlet, parameters, common, unresolved, positional, openSplat, sets, identity };
}

/** A finding with what orders it among the findings at the same position, as `Linter.lint` orders them. */
interface OrderedFinding {
  readonly finding: Finding;
  /** The rule's index in RULES. */
  readonly rule: number;
  /** The command's index in the script (0 for script-wide rules). */
  readonly command: number;
  /** The order in which the rule reported it (for that command). */
  readonly seq: number;
}

/** What was computed for a command, valid while the options and the Teams context stay the same. */
interface CommandEntry {
  readonly fingerprint: string;
  readonly bound: BoundCommand | undefined;
  /** The findings of the command-scoped rules, in rule order. */
  findings?: readonly Omit<OrderedFinding, 'command'>[];
}

/** The commands of a version, with the object under which each was kept from the previous version (none: new). */
export interface CheckInput {
  readonly index: LineIndex;
  readonly commands: readonly ScriptCommand[];
  readonly keys: readonly (ScriptCommand | undefined)[];
  readonly comments: readonly ScriptComment[];
  readonly teamsContext?: ScriptCommand;
  readonly target: TargetVersion;
}

const COMMAND_RULES = RULES.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.meta.scope === 'command');
const SCRIPT_RULES = RULES.map((rule, index) => ({ rule, index })).filter(({ rule }) => rule.meta.scope !== 'command');

/**
 * Binds and checks the commands of a script, reusing what was computed for the commands that did not change: their
 * binding and the findings of the command-scoped rules. The script-wide rules run on the whole script every time.
 * The result is the same as `Linter.lint`'s, findings in the same order.
 *
 * One difference, in a failure only: when a command-scoped rule throws, it loses its findings for that command
 * only (`Linter.lint` loses those for the rest of the script), and `onRuleError` is called for each such command.
 */
export class IncrementalChecker {
  private readonly cache = new WeakMap<ScriptCommand, CommandEntry>();

  constructor(private readonly catalog: Catalog) {}

  check(input: CheckInput, options: LintOptions): LintResult {
    const { index, commands, keys, comments, teamsContext, target } = input;
    const fingerprint = `${target}|${teamsContext ? 'teams' : ''}|${JSON.stringify(options.rules ?? {})}`;
    const entries: CommandEntry[] = [];
    const bound: BoundCommand[] = [];
    for (let i = 0; i < commands.length; i++) {
      const command = commands[i];
      const key = keys[i];
      let entry = key ? this.cache.get(key) : undefined;
      if (!entry || entry.fingerprint !== fingerprint) {
        // Teams' Cs cmdlets share names with the on-premises ones but not their parameters: bind none of them.
        entry = { fingerprint, bound: teamsContext ? undefined : this.bind(command) };
        if (key) this.cache.set(key, entry);
      }
      entries.push(entry);
      // A command kept from the previous version may have moved in offsets only: the binding holds positions alone.
      if (entry.bound) bound.push(entry.bound.command === command ? entry.bound : withCommand(entry.bound, command));
    }
    const analysis: Analysis = { text: index.text, index, target, commands, bound, comments, teamsContext };

    const ordered: OrderedFinding[] = [];
    const context = this.commandContext(analysis, options);
    let boundAt = 0;
    for (let i = 0; i < commands.length; i++) {
      const entry = entries[i];
      const commandBound = entry.bound ? bound[boundAt++] : undefined;
      entry.findings ??= context.run(commands[i], commandBound);
      for (const found of entry.findings) ordered.push({ finding: found.finding, rule: found.rule, command: i, seq: found.seq });
    }
    this.runScriptRules(analysis, options, ordered);

    ordered.sort((a, b) => comparePositions(a.finding.range.start, b.finding.range.start) || a.rule - b.rule || a.command - b.command || a.seq - b.seq);
    const suppressions = new Suppressions(comments, index);
    const findings = ordered.map((o) => o.finding).filter((f) => !suppressions.isSuppressed(f.ruleId, f.range.start.line));
    return { ...analysis, findings };
  }

  private bind(command: ScriptCommand): BoundCommand | undefined {
    const cmdlet = this.catalog.cmdlet(command.name);
    return cmdlet ? bindCommand(command, cmdlet, this.catalog) : undefined;
  }

  /** Runs the command-scoped rules on one command at a time (one context object, reused). */
  private commandContext(analysis: Analysis, options: LintOptions): { run(command: ScriptCommand, bound: BoundCommand | undefined): OrderedFinding[] } {
    let found: OrderedFinding[] = [];
    let current: { rule: number; id: string; severity: Finding['severity'] } | undefined;
    const context: { -readonly [K in keyof RuleContext]: RuleContext[K] } = {
      ...analysis,
      catalog: this.catalog,
      commands: [],
      bound: [],
      report: (input: FindingInput) => {
        if (!current) return;
        found.push({ finding: { ...input, ruleId: current.id, severity: current.severity, fixes: input.fixes ?? [] }, rule: current.rule, command: 0, seq: found.length });
      },
    };
    const rules = COMMAND_RULES.flatMap(({ rule, index }) => {
      const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
      return setting === 'off' ? [] : [{ rule, index, severity: setting }];
    });
    return {
      run: (command, bound) => {
        found = [];
        context.commands = [command];
        context.bound = bound ? [bound] : [];
        for (const { rule, index, severity } of rules) {
          current = { rule: index, id: rule.meta.id, severity };
          try {
            rule.check(context);
          } catch (error) {
            options.onRuleError?.(rule.meta.id, error);
          }
        }
        current = undefined;
        return found;
      },
    };
  }

  private runScriptRules(analysis: Analysis, options: LintOptions, into: OrderedFinding[]): void {
    for (const { rule, index } of SCRIPT_RULES) {
      const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
      if (setting === 'off') continue;
      let seq = 0;
      const report = (input: FindingInput): void => {
        into.push({ finding: { ...input, ruleId: rule.meta.id, severity: setting, fixes: input.fixes ?? [] }, rule: index, command: 0, seq: seq++ });
      };
      try {
        rule.check({ ...analysis, catalog: this.catalog, report });
      } catch (error) {
        options.onRuleError?.(rule.meta.id, error);
      }
    }
  }
}
