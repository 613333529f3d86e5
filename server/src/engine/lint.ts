import { bindCommand, type BoundCommand } from './bind';
import { CATALOG_VERSIONS, getCatalog, type Catalog, type CatalogModule, type CmdletSpec, type TargetVersion } from './catalog';
import { calledCmdlet, teamsConnection } from './module-context';
import { isCommandOfInterest, resolveSplats, type ScriptCommand, type ScriptSyntaxError } from './parse/commands';
import { readingOf, reread, type ScriptReading } from './parse/incremental';
import { Suppressions, type ScriptComment } from './suppress';
import { RULES, type CommandContext, type Finding, type FindingInput, type Fix, type Rule, type RuleContext, type Severity } from './rules';
import { changeBetween, comparePositions, LineIndex } from './text';
import { measured, type Timings } from './util/timing';
import { keptPerObject, Memo, type Kept } from './util/cache';
import { objectList } from './util/object-list';

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
  /**
   * The command that connects the script to Microsoft Teams, if it does: the Cs cmdlets after it that the Teams module
   * has are the Teams ones (`module-context.ts`).
   */
  readonly teamsContext?: ScriptCommand;
  /** The names (lower case) of the functions the script defines: a command of such a name is no cmdlet. */
  readonly definedFunctions: ReadonlySet<string>;
  /** What was read of the script, kept for reading its next version (`Linter.lint`'s `previous`). */
  readonly reading: ScriptReading;
}

export interface LintResult extends Analysis {
  readonly findings: readonly Finding[];
}

const TARGET_COMMENT = /lync-pic:\s*target\s*=\s*([\w-]+)/i;
const TARGETS: readonly TargetVersion[] = ['any', ...CATALOG_VERSIONS];

/** The target version named by a `# lync-pic: target=<version>` comment, if any. */
export function targetFromComment(comments: readonly { readonly text: string }[]): TargetVersion | undefined {
  for (const comment of comments) {
    const value = TARGET_COMMENT.exec(comment.text)?.[1].toLowerCase();
    const target = TARGETS.find((t) => t === value);
    if (target) return target;
  }
  return undefined;
}

export interface LinterOptions {
  /**
   * Keep what the next lint of an edited version reuses (`lint`'s `previous`): each command's resolved splats, binding
   * and findings, and what the script rules made of it, as the language server needs (the default). A one-shot lint
   * (the CLI) skips that bookkeeping, about a tenth of the lint of a large script (docs/performance.md).
   */
  readonly reuse?: boolean;
}

/** Parses and lints PowerShell scripts: the one entry point the language server and the CLI share. */
export class Linter {
  /**
   * Each command's binding, kept while the command is unchanged: as it is while the script's binding context (`context`,
   * see `bindingContext`) is the same and the command still calls, or does not call, a function of the script; else
   * for a command that still calls the same module.
   */
  private readonly bindings: Kept<ScriptCommand, KeptBinding>;
  /** Each command's findings by the command rules, and the settings they were found with. */
  private readonly commandFindings: Kept<ScriptCommand, { readonly settings: string; readonly findings: readonly Finding[] }>;
  /** Each command with a splat, resolved (`resolveSplats`): kept while its splats resolve to the same entries. */
  private readonly resolvedSplats: Kept<ScriptCommand, ScriptCommand>;
  /**
   * The last keys made by `bindingContext` and `runRules`, handed out again while equal: the check of each command's
   * kept entry then compares one reference, not two long strings.
   */
  private readonly keys = new KeptKeys();
  /** What each script rule kept of each command (`RuleContext.perCommand`), with the settings it was made with. */
  private readonly perCommand = new Map<string, Kept<object, { readonly settings: string; readonly value: unknown }>>();
  /** The finding made of each finding input a script rule reported (kept by `perCommand`, reported again). */
  private readonly findingsOf: Kept<FindingInput, Finding>;
  /**
   * Command names in lower case, by the name as written: a script writes the same few names thousands of times, and a
   * lower-case copy for each command was garbage (the look-up's hash of the name is kept on the string, for the
   * catalogue's look-up by the written name that follows).
   */
  private readonly lowerNames = new Memo((name: string) => name.toLowerCase(), 10_000);

  /** Whether what a lint makes of each command is kept for the next lint of an edited version (`LinterOptions`). */
  private readonly reuse: boolean;

  constructor(
    readonly catalog: Catalog = getCatalog(),
    options: LinterOptions = {},
  ) {
    this.reuse = options.reuse ?? true;
    this.bindings = keptPerObject(this.reuse);
    this.commandFindings = keptPerObject(this.reuse);
    this.resolvedSplats = keptPerObject(this.reuse);
    this.findingsOf = keptPerObject(this.reuse);
  }

  /**
   * Lints a script. With `previous`, the lint of an earlier version of it, only the statements around what changed
   * are parsed again, and unchanged commands keep their bindings and findings: the cost of an edit follows its size.
   */
  lint(text: string, options: LintOptions = {}, previous?: Analysis): LintResult {
    return this.check(this.analyze(text, options.target, options.timings, previous), options);
  }

  /** Parses a script and binds its commands, without running the rules (for completion, hover and fixes). */
  analyze(text: string, target?: TargetVersion, timings?: Timings, previous?: Analysis): Analysis {
    let reading: ScriptReading;
    let index: LineIndex;
    if (previous) {
      const change = changeBetween(previous.text, text);
      index = LineIndex.edited(previous.index, text, change);
      reading = measured(timings, 'parse', () => reread(previous.reading, previous.index, text, index, change));
    } else {
      index = new LineIndex(text);
      // (Each statement is read as soon as it is parsed: the two are one phase.)
      reading = measured(timings, 'parse', () => readingOf(text, index));
    }
    return measured(timings, 'bind', () => this.analysisOf(index, reading, target));
  }

  private check(analysis: Analysis, options: LintOptions): LintResult {
    return measured(options.timings, 'rules', () => {
      const suppressions = new Suppressions(analysis.comments, analysis.index);
      const found = this.runRules(analysis, options);
      const findings = suppressions.any ? found.filter((f) => !suppressions.isSuppressed(f.ruleId, f.range.start.line)) : found;
      // (Written out, not spread: one object shape from one lint to the next, see runRules.)
      const { text, index, target, commands, bound, comments, syntaxErrors, teamsContext, definedFunctions, reading } = analysis;
      return { text, index, target, commands, bound, comments, syntaxErrors, teamsContext, definedFunctions, reading, findings };
    });
  }

  /** The analysis of a script from what was read of it. */
  private analysisOf(index: LineIndex, reading: ScriptReading, target: TargetVersion | undefined): Analysis {
    const { comments, errors, assignments, accessed, functions } = reading.parts;
    const commands = resolveSplats(reading.parts.commands, assignments, accessed, this.resolvedSplats);
    const teamsContext = teamsConnection(commands);
    const definedFunctions = new Set(functions.map((f) => f.name.toLowerCase()));
    const inForce = targetFromComment(comments) ?? target ?? 'any';
    const bound = this.bind(commands, definedFunctions, inForce, teamsContext);
    return { text: index.text, index, target: inForce, commands, bound, comments, syntaxErrors: errors, teamsContext, definedFunctions, reading };
  }

  /**
   * Binds the commands of the catalogue, each to the cmdlet of the module it calls (`module-context.ts`), but not
   * those that call a function of the script named like a cmdlet.
   */
  private bind(
    commands: readonly ScriptCommand[],
    definedFunctions: ReadonlySet<string>,
    target: TargetVersion,
    connection: ScriptCommand | undefined,
  ): BoundCommand[] {
    const context = this.keys.kept('binding', bindingContext(target, connection));
    const bound: BoundCommand[] = objectList();
    for (const command of commands) {
      let kept = this.bindings.get(command);
      // (A function renamed, added or removed is bound again only where its name is called.)
      if (kept?.context !== context || kept.callsFunction !== namesIn(definedFunctions, this.lowerNameOf(command, kept, definedFunctions))) {
        kept = this.bindingOf(command, kept, context, definedFunctions, target, connection);
        this.bindings.set(command, kept);
      }
      if (kept.bound) bound.push(kept.bound);
    }
    return bound;
  }

  /** `RuleContext.perCommand` of a script rule, in a lint with these settings (`runRules`). */
  private keptPerCommand(ruleId: string, settings: string, context: RuleContext): RuleContext['perCommand'] {
    let kept = this.perCommand.get(ruleId);
    if (!kept) {
      kept = keptPerObject(this.reuse);
      this.perCommand.set(ruleId, kept);
    }
    const byCommand = kept;
    return (of, compute) => {
      const entry = byCommand.get(of);
      if (entry?.settings === settings) return entry.value as ReturnType<typeof compute>;
      const value = compute(of, context);
      byCommand.set(of, { settings, value });
      return value;
    };
  }

  /** The finding of what a script rule reported: the same as before for an input reported again (`perCommand`). */
  private scriptFinding(input: FindingInput, running: EnabledRule): Finding {
    const kept = this.findingsOf.get(input);
    if (kept?.ruleId === running.rule.meta.id && kept.severity === running.severity) return kept;
    const finding = findingOf(input, running);
    this.findingsOf.set(input, finding);
    return finding;
  }

  /** A command's binding in a binding context, from its binding in another (`kept`) when it calls the same module. */
  private bindingOf(
    command: ScriptCommand,
    kept: KeptBinding | undefined,
    context: string,
    definedFunctions: ReadonlySet<string>,
    target: TargetVersion,
    connection: ScriptCommand | undefined,
  ): KeptBinding {
    const lowerName = this.lowerNameOf(command, kept, definedFunctions);
    if (namesIn(definedFunctions, lowerName)) return { context, lowerName, callsFunction: true, bound: null };
    const called = calledCmdlet(command, this.catalog, target, connection);
    if (!called) return { context, lowerName, callsFunction: false, bound: null };
    if (kept?.module === called.module) return { context, lowerName, callsFunction: false, module: called.module, bound: kept.bound };
    const cmdlet = this.catalog.cmdlet(called.name, called.module);
    return { context, lowerName, callsFunction: false, module: called.module, bound: cmdlet ? bindCommand(command, cmdlet, this.catalog) : null };
  }

  /**
   * A command's name in lower case, as kept with its binding, or worked out when the script defines functions (only
   * then is it looked up: a script of thousands of commands and no function asks for none).
   */
  private lowerNameOf(command: ScriptCommand, kept: KeptBinding | undefined, definedFunctions: ReadonlySet<string>): string | undefined {
    return kept?.lowerName ?? (definedFunctions.size > 0 ? this.lowerNames.get(command.name) : undefined);
  }

  private runRules(analysis: Analysis, options: LintOptions): Finding[] {
    const enabled = enabledRules(options);
    const findings: Finding[] = objectList();
    const commandRules = new CommandRules(enabled);
    // What the command rules' findings depend on besides the command.
    const settings = this.keys.kept(
      'rules',
      [
        analysis.target,
        analysis.teamsContext ? `teams@${analysis.teamsContext.range.start.line}:${analysis.teamsContext.range.start.character}` : '',
        commandRules.all.map(({ rule, severity }) => `${rule.meta.id}=${severity}`).join(','),
        [...analysis.definedFunctions].filter(isCommandOfInterest).sort().join(','),
      ].join(' '),
    );
    this.runCommandRules(analysis, options, commandRules, settings, findings);
    this.runScriptRules(analysis, options, enabled, settings, findings);
    return sortedByPositionThenRule(findings);
  }

  /**
   * The command rules on each command, their findings added to `findings`. (A method that ends with its loop: V8
   * compiles the loop while it runs, once a lint, and code after it, not run yet then, deoptimised that code in each
   * lint.)
   */
  private runCommandRules(analysis: Analysis, options: LintOptions, commandRules: CommandRules, settings: string, findings: Finding[]): void {
    const checker = new CommandChecker(analysis, this.catalog, options);
    let next = 0;
    for (const command of analysis.commands) {
      // (The bound commands are some of the commands, in the same order.)
      const bound = analysis.bound[next]?.command === command ? analysis.bound[next++] : undefined;
      const kept = this.commandFindings.get(command);
      let found = kept?.settings === settings ? kept.findings : undefined;
      if (!found) {
        found = checker.check(commandRules.for(bound), command, bound);
        if (this.reuse) this.commandFindings.set(command, { settings, findings: found });
      }
      for (const finding of found) findings.push(finding);
    }
  }

  /** The script rules, their findings added to `findings`. */
  private runScriptRules(analysis: Analysis, options: LintOptions, enabled: readonly EnabledRule[], settings: string, findings: Finding[]): void {
    // One context for the script rules: its `report` files each finding under the rule being run, and its
    // `perCommand` keeps what that rule made of each command.
    let running = enabled[0];
    let perCommand: RuleContext['perCommand'] = computedNow;
    let byCmdlet: ReadonlyMap<string, readonly BoundCommand[]> | undefined;
    // (Its fields written out, not spread from the analysis: one object shape from one lint to the next, so that the
    // rules' optimised code, which checks it, stays valid.)
    const context: RuleContext = {
      text: analysis.text,
      index: analysis.index,
      target: analysis.target,
      catalog: this.catalog,
      commands: analysis.commands,
      bound: analysis.bound,
      boundOf: (name) => (byCmdlet ??= serverCommandsByCmdlet(analysis.bound)).get(name) ?? NO_BOUND,
      teamsContext: analysis.teamsContext,
      definedFunctions: analysis.definedFunctions,
      syntaxErrors: analysis.syntaxErrors,
      perCommand: (of, compute) => perCommand(of, compute),
      report: (input) => findings.push(this.scriptFinding(input, running)),
    };
    for (const script of enabled) {
      if (!script.rule.checkScript) continue;
      running = script;
      perCommand = this.keptPerCommand(script.rule.meta.id, settings, context);
      guarded(script.rule, options, { run: () => running.rule.checkScript?.(context) });
    }
  }
}

const NO_BOUND: readonly BoundCommand[] = [];

/** The bound commands of each server cmdlet (by its name), in document order (`RuleContext.boundOf`). */
function serverCommandsByCmdlet(bound: readonly BoundCommand[]): Map<string, BoundCommand[]> {
  const byCmdlet = new Map<string, BoundCommand[]>();
  for (const command of bound) {
    const cmdlet = command.cmdlet;
    if (cmdlet.module === 'teams') continue;
    const list = byCmdlet.get(cmdlet.name);
    if (list) list.push(command);
    else byCmdlet.set(cmdlet.name, [command]);
  }
  return byCmdlet;
}

/**
 * What every command's binding depends on besides the command: the target version and where the script connects to
 * Teams (`calledCmdlet`). (Whether a function of the script has the command's name is checked per command.)
 */
function bindingContext(target: TargetVersion, connection: ScriptCommand | undefined): string {
  const teams = connection ? `${connection.range.start.line}:${connection.range.start.character}` : '';
  return `${target} ${teams}`;
}

/** A command's binding (null: not a cmdlet of the catalogue, or not called: a function of the script, another module's command), and what it was made with. */
interface KeptBinding {
  /** The binding context it was made in (`bindingContext`). */
  readonly context: string;
  /**
   * The command's name in lower case (undefined when it was bound in a script without functions), and whether a
   * function of the script had that name (the command calls it).
   */
  readonly lowerName: string | undefined;
  readonly callsFunction: boolean;
  /** The module whose cmdlet it calls. */
  readonly module?: CatalogModule;
  readonly bound: BoundCommand | null;
}

/** Whether a function of the script has this name (lower case). */
function namesIn(definedFunctions: ReadonlySet<string>, lowerName: string | undefined): boolean {
  return lowerName !== undefined && definedFunctions.has(lowerName);
}

/** The last key of each kind, handed out again for an equal one: equal keys are then one string, compared at once. */
class KeptKeys {
  private readonly last = new Map<string, string>();

  kept(kind: string, key: string): string {
    const last = this.last.get(kind);
    if (last === key) return last;
    this.last.set(kind, key);
    return key;
  }
}

interface EnabledRule {
  readonly rule: Rule;
  readonly severity: Severity;
}

/** The command rules in force, and which of them apply to each cmdlet (`Rule.appliesTo`), found once per cmdlet. */
class CommandRules {
  readonly all: readonly EnabledRule[];
  /** The rules that judge any command: those an unbound command gets. */
  private readonly forAnyCommand: readonly EnabledRule[];
  private readonly byCmdlet = new Map<CmdletSpec, readonly EnabledRule[]>();

  constructor(enabled: readonly EnabledRule[]) {
    this.all = enabled.filter(({ rule }) => rule.checkBound !== undefined || rule.checkCommand !== undefined);
    this.forAnyCommand = this.all.filter(({ rule }) => rule.checkCommand !== undefined);
  }

  /** The rules that judge this command. */
  for(bound: BoundCommand | undefined): readonly EnabledRule[] {
    if (!bound) return this.forAnyCommand;
    let rules = this.byCmdlet.get(bound.cmdlet);
    if (!rules) {
      rules = this.all.filter(({ rule }) => rule.appliesTo?.(bound.cmdlet) ?? true);
      this.byCmdlet.set(bound.cmdlet, rules);
    }
    return rules;
  }
}

function enabledRules(options: LintOptions): EnabledRule[] {
  const enabled: EnabledRule[] = [];
  for (const rule of RULES) {
    const setting = options.rules?.[rule.meta.id] ?? rule.meta.defaultSeverity;
    if (setting !== 'off') enabled.push({ rule, severity: setting });
  }
  return enabled;
}

/**
 * Runs the command rules on each command of a lint. It is the context every rule sees, its fields set for the command
 * being checked, and its `report` files each finding under the rule being run: a large script has tens of thousands of
 * (command, rule) pairs, and a closure and a context for each pair were a sixth of a lint; a context and two closures
 * for each command were still 3 MB of garbage a lint of the benchmark's script. (A rule uses the context during its
 * check only.)
 */
class CommandChecker implements CommandContext {
  readonly index: LineIndex;
  readonly teamsConnected: boolean;
  readonly definedFunctions: ReadonlySet<string>;
  target: TargetVersion;
  module: CatalogModule = 'skype';
  isBound = false;
  private command: ScriptCommand | undefined = undefined;
  private bound: BoundCommand | undefined = undefined;
  private running: EnabledRule | undefined = undefined;
  private findings: Finding[] | undefined = undefined;

  constructor(
    private readonly analysis: Analysis,
    readonly catalog: Catalog,
    private readonly options: LintOptions,
  ) {
    this.index = analysis.index;
    this.target = analysis.target;
    this.teamsConnected = analysis.teamsContext !== undefined || analysis.target === 'teams';
    this.definedFunctions = analysis.definedFunctions;
  }

  /** The findings of `rules` on a command. */
  check(rules: readonly EnabledRule[], command: ScriptCommand, bound: BoundCommand | undefined): readonly Finding[] {
    const { analysis, catalog } = this;
    this.module = bound?.cmdlet.module ?? calledCmdlet(command, catalog, analysis.target, analysis.teamsContext)?.module ?? 'skype';
    // A Teams cmdlet is judged against Teams, whatever server version the script's other commands target.
    this.target = this.module === 'teams' ? 'teams' : analysis.target;
    this.isBound = bound !== undefined;
    this.command = command;
    this.bound = bound;
    this.findings = undefined;
    for (const enabled of rules) {
      this.running = enabled;
      guarded(enabled.rule, this.options, this);
    }
    const findings = this.findings ?? NO_FINDINGS;
    this.command = this.bound = this.running = this.findings = undefined;
    return findings;
  }

  /** Runs the rule being run on the command (for `guarded`). */
  run(): void {
    const rule = this.running?.rule;
    if (this.bound) rule?.checkBound?.(this.bound, this);
    if (this.command) rule?.checkCommand?.(this.command, this);
  }

  report(input: FindingInput): void {
    if (this.running) (this.findings ??= []).push(findingOf(input, this.running));
  }
}

/** `RuleContext.perCommand` before the first script rule runs (none asks then). */
function computedNow(): never {
  throw new Error('perCommand asked outside a script rule');
}

/**
 * A rule's check to run: an object's method, since the command rules' is one object for a whole lint (a function made
 * for each lint would be a new call target for V8 in each, and the code optimised in the first would deoptimise).
 */
interface Check {
  run(): void;
}

/** Runs one rule's check; a rule that fails is reported and the others still run. */
function guarded(rule: Rule, options: LintOptions, check: Check): void {
  try {
    if (options.timings) options.timings.rule(rule.meta.id, () => check.run());
    else check.run();
  } catch (error) {
    options.onRuleError?.(rule.meta.id, error);
  }
}

function findingOf(input: FindingInput, { rule, severity }: EnabledRule): Finding {
  // (One object shape for every finding, whatever the rule's input looks like.)
  return { range: input.range, message: input.message, ruleId: rule.meta.id, severity, fixes: input.fixes ?? NO_FIXES };
}

/** Where each rule comes in the list of rules: the order of findings at one position. */
const RULE_ORDER = new Map(RULES.map((rule, i) => [rule.meta.id, i]));

/**
 * The findings by position, then in the order of the rules, and in the order found where both are the same. A
 * counting sort by line (each finding's start read once), then each line's few findings by column and rule: a sort
 * of 2,000 findings with a comparator, which read two ranges and looked up two rules at each comparison, was a tenth
 * of a keystroke's lint. Sorts `findings` in place.
 */
function sortedByPositionThenRule(findings: Finding[]): Finding[] {
  const count = findings.length;
  const lines = new Int32Array(count);
  let lineCount = 0;
  for (let i = 0; i < count; i++) {
    const line = findings[i].range.start.line;
    lines[i] = line;
    if (line >= lineCount) lineCount = line + 1;
  }
  // (A few findings far down a long script: no array of a million lines for them.)
  if (lineCount > 4 * count + 1024) return findings.sort(byPositionThenRule);
  // Where each line's findings start in the sorted list.
  const lineStarts = new Int32Array(lineCount + 1);
  for (let i = 0; i < count; i++) lineStarts[lines[i] + 1]++;
  for (let line = 0; line < lineCount; line++) lineStarts[line + 1] += lineStarts[line];
  const found = findings.slice();
  const placed = lineStarts.slice(0, lineCount);
  for (let i = 0; i < count; i++) findings[placed[lines[i]]++] = found[i];
  for (let line = 0; line < lineCount; line++) {
    if (lineStarts[line + 1] - lineStarts[line] > 1) sortLine(findings, lineStarts[line], lineStarts[line + 1]);
  }
  return findings;
}

/** Sorts the findings of one line, from `from` up to `to`, by column, then rule: an insertion sort (stable), as a line holds few. */
function sortLine(findings: Finding[], from: number, to: number): void {
  if (to - from > 32) {
    const line = findings.slice(from, to).sort(byPositionThenRule);
    for (let i = from; i < to; i++) findings[i] = line[i - from];
    return;
  }
  for (let i = from + 1; i < to; i++) {
    const finding = findings[i];
    let j = i;
    while (j > from && byPositionThenRule(findings[j - 1], finding) > 0) {
      findings[j] = findings[j - 1];
      j--;
    }
    findings[j] = finding;
  }
}

function byPositionThenRule(a: Finding, b: Finding): number {
  return comparePositions(a.range.start, b.range.start) || (RULE_ORDER.get(a.ruleId) ?? 0) - (RULE_ORDER.get(b.ruleId) ?? 0);
}

/** One shared empty list for the findings without a fix (most of them), and one for the commands without a finding. */
const NO_FIXES: readonly Fix[] = objectList();
const NO_FINDINGS: readonly Finding[] = objectList();
