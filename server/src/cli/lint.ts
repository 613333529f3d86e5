import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { docsPath, type Finding, fixAll, Linter, type LintOptions, measured, RULES, Timings } from '../engine';
import { parseLintArgs, type LintArgs } from './args';
import { ConfigError, ConfigFinder, type ProjectConfig } from './config';
import { encodeScript } from './decode';
import { collectInputs, type Input, STDIN_PATH } from './files';
import { formatJson, formatStylish, toFileReport, type FileReport } from './format';
import { IgnoreList } from './ignore';
import type { Io } from './io';
import { describedIn, formatSarif, type SarifRule } from './sarif';
import { formatTimings } from './timing';
import { VERSION } from './version';

export function lintCommand(argv: readonly string[], io: Io): Promise<number> {
  return Promise.resolve(lint(parseLintArgs(argv), io));
}

/** Findings that count: hints are editor suggestions, and --quiet keeps errors only. */
function reported(findings: readonly Finding[], args: LintArgs): Finding[] {
  return findings.filter((f) => f.severity !== 'hint' && (!args.quiet || f.severity === 'error'));
}

/** What one `lint` run has gathered so far. */
interface LintRun {
  readonly args: LintArgs;
  readonly io: Io;
  readonly timings?: Timings;
  readonly linter: Linter;
  readonly configs: ConfigFinder;
  readonly cliIgnores: IgnoreList;
  readonly configIgnores: Map<ProjectConfig, IgnoreList>;
  /** Invalid config files already reported: each is said once, however many scripts it covers. */
  readonly reportedConfigErrors: Set<ConfigError>;
  readonly reports: FileReport[];
  readonly findingsByFile: Map<string, readonly Finding[]>;
  /** Inputs that could not be linted at all (missing, unreadable, under an invalid config). */
  notLinted: number;
  /** Something went wrong with an input (exit code 2), including a fix that could not be written. */
  inputProblem: boolean;
}

function lint(args: LintArgs, io: Io): number {
  const start = performance.now();
  const timings = args.timing ? new Timings() : undefined;
  const state: LintRun = {
    args,
    io,
    timings,
    // Each script is linted once: nothing is kept for a next version.
    linter: new Linter(undefined, { reuse: false }),
    configs: new ConfigFinder(),
    cliIgnores: new IgnoreList(args.ignorePatterns),
    configIgnores: new Map(),
    reportedConfigErrors: new Set(),
    reports: [],
    findingsByFile: new Map(),
    notLinted: 0,
    inputProblem: false,
  };
  for (const input of measured(timings, 'read', () => collectInputs(args.paths, io.readStdin))) lintOne(input, state);
  for (const pattern of state.cliIgnores.unmatched()) io.stderr(`lync-pic: warning: --ignore-pattern "${pattern}" matched no file`);
  const text = measured(timings, 'output', () => output(state));
  if (text !== '') io.stdout(text);
  if (timings) io.stderr(formatTimings(timings, performance.now() - start, state.reports.length));
  return exitCode(state);
}

/** 2 for unusable input; 1 for errors or more warnings (info notes not counted, as ESLint) than --max-warnings. */
function exitCode({ inputProblem, reports, args }: LintRun): number {
  if (inputProblem) return 2;
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  return reports.some((r) => r.errorCount > 0) || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}

function lintOne(input: Input, state: LintRun): void {
  const { args, io } = state;
  let config: ProjectConfig | undefined;
  try {
    config = configFor(input.path, state.configs);
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    if (!state.reportedConfigErrors.has(error)) io.stderr(`lync-pic: ${error.message}`);
    state.reportedConfigErrors.add(error);
    state.notLinted++;
    state.inputProblem = true;
    return;
  }
  if (isIgnored(input, state, config)) return;
  if ('problem' in input) {
    io.stderr(`lync-pic: ${input.path}: ${input.problem}`);
    state.notLinted++;
    state.inputProblem = true;
    return;
  }
  const options = { ...optionsFor(input.path, args, config, io), timings: state.timings };
  const linted = lintInput(input, state.linter, options, args.fix);
  if (linted.problem) {
    io.stderr(`lync-pic: ${input.path}: ${linted.problem}`);
    state.inputProblem = true;
  }
  const findings = reported(linted.findings, args);
  state.reports.push(toFileReport(input.path, findings));
  state.findingsByFile.set(input.path, findings);
}

/**
 * Lints one script, first applying its safe fixes in place when asked to. The file is written back in the encoding it
 * was read in; when the fixed text cannot be (or the text read stands U+FFFD for bytes it lost), or the write fails, the
 * file is left as it was, its findings are those of the text read, and the problem says why.
 */
function lintInput(
  input: Extract<Input, { text: string }>,
  linter: Linter,
  options: LintOptions,
  fix: boolean,
): { findings: readonly Finding[]; problem?: string } {
  const { path, text } = input;
  if (fix && path !== STDIN_PATH) {
    const fixed = fixAll(text, (t) => linter.lint(t, options).findings);
    if (fixed.applied > 0) {
      const problem = writeScript(input, fixed.text);
      if (problem === undefined) return { findings: linter.lint(fixed.text, options).findings };
      return { findings: linter.lint(text, options).findings, problem };
    }
  }
  return { findings: linter.lint(text, options).findings };
}

/** Writes a fixed script back in the encoding it was read in; why not, when it cannot. */
function writeScript(input: Extract<Input, { text: string }>, text: string): string | undefined {
  if (input.unwritable) return `not fixed: ${input.unwritable}, which writing it back would change; the file is left as it was`;
  const encoded = encodeScript(text, input.encoding);
  if ('problem' in encoded) return `not fixed: ${encoded.problem}; the file is left as it was`;
  try {
    writeFileSync(input.path, encoded.bytes);
    return undefined;
  } catch (error) {
    return `not fixed: cannot be written (${(error as NodeJS.ErrnoException).code ?? (error instanceof Error ? error.message : 'error')})`;
  }
}

function configFor(path: string, configs: ConfigFinder): ProjectConfig | undefined {
  return path === STDIN_PATH ? configs.forFolder(process.cwd()) : configs.forFile(path);
}

/** A path relative to a folder, with forward slashes, as ignore patterns are written. */
function relativeTo(folder: string, path: string): string {
  return relative(folder, resolve(path)).split(sep).join('/');
}

/** Ignored by a --ignore-pattern (relative to the working folder) or by the config's patterns (relative to its folder). */
function isIgnored(input: Input, state: LintRun, config: ProjectConfig | undefined): boolean {
  if (input.path === STDIN_PATH) return false;
  if (state.cliIgnores.ignores(relativeTo(process.cwd(), input.path))) return true;
  if (!config || config.ignorePatterns.length === 0) return false;
  let ignores = state.configIgnores.get(config);
  if (!ignores) state.configIgnores.set(config, (ignores = new IgnoreList(config.ignorePatterns)));
  return ignores.ignores(relativeTo(dirname(config.path), input.path));
}

/** The command line's target wins over the project file's; severities come from the project file. */
function optionsFor(path: string, args: LintArgs, config: ProjectConfig | undefined, io: Io): LintOptions {
  return {
    target: args.target ?? config?.target,
    rules: config?.rules,
    onRuleError: (id, e) => io.stderr(`lync-pic: internal error in rule ${id} on ${path}: ${String(e)}`),
  };
}

function output({ args, reports, findingsByFile, notLinted }: LintRun): string {
  if (args.format === 'json') return formatJson(reports);
  if (args.format === 'sarif') return formatSarif(sarifRules(), findingsByFile, VERSION, process.cwd());
  return formatStylish(reports, findingsByFile, notLinted);
}

/** The package root: dist/ when bundled; the repository when running from compiled sources in out/. */
function packageRoot(): string {
  return (
    [join(__dirname, '..'), join(__dirname, '..', '..', '..', '..')].find((root) => {
      try {
        return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown }).name === 'lync-pic';
      } catch {
        return false;
      }
    }) ?? join(__dirname, '..')
  );
}

/** The rules with their help inline, read from the docs pages shipped in the package (the summary when one is missing). */
function sarifRules(): SarifRule[] {
  const root = packageRoot();
  return RULES.map((rule) => {
    let helpMarkdown: string | undefined;
    try {
      helpMarkdown = readFileSync(join(root, docsPath(rule.meta.id)), 'utf8');
    } catch {
      helpMarkdown = undefined;
    }
    const description = (helpMarkdown ? describedIn(helpMarkdown) : undefined) ?? rule.meta.summary;
    return { id: rule.meta.id, summary: rule.meta.summary, severity: rule.meta.defaultSeverity, description, helpMarkdown };
  });
}
