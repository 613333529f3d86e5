import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { docsPath, type Finding, fixAll, Linter, type LintOptions, measured, RULES, Timings } from '../engine';
import { parseLintArgs, type LintArgs } from './args';
import { ConfigError, ConfigFinder, type ProjectConfig } from './config';
import { encodeScript } from './decode';
import { collectInputs, type Input } from './files';
import { formatJson, formatSarif, formatStylish, toFileReport, type FileReport, type SarifRule } from './format';
import { globToRegExp, matchesAny } from './glob';
import type { Io } from './io';
import { formatTimings } from './timing';
import { VERSION } from './version';

export function lintCommand(argv: readonly string[], io: Io): Promise<number> {
  return Promise.resolve(lint(parseLintArgs(argv), io));
}

/** Findings that count: hints are editor suggestions, and --quiet keeps errors only. */
function reported(findings: readonly Finding[], args: LintArgs): Finding[] {
  return findings.filter((f) => f.severity !== 'hint' && (!args.quiet || f.severity === 'error'));
}

function lint(args: LintArgs, io: Io): number {
  const start = performance.now();
  const timings = args.timing ? new Timings() : undefined;
  const linter = new Linter();
  const configs = new ConfigFinder();
  const reports: FileReport[] = [];
  const findingsByFile = new Map<string, readonly Finding[]>();
  const cliIgnores = args.ignorePatterns.map(globToRegExp);
  let inputProblem = false;
  for (const input of measured(timings, 'read', () => collectInputs(args.paths, io.readStdin))) {
    try {
      const config = configFor(input.path, configs);
      if (isIgnored(input, cliIgnores, config)) continue;
      if ('problem' in input) {
        io.stderr(`lync-pic: ${input.path}: ${input.problem}`);
        inputProblem = true;
        continue;
      }
      const options = { ...optionsFor(input.path, args, config, io), timings };
      const linted = lintInput(input, linter, options, args.fix);
      if (linted.problem) {
        io.stderr(`lync-pic: ${input.path}: ${linted.problem}`);
        inputProblem = true;
      }
      const findings = reported(linted.findings, args);
      reports.push(toFileReport(input.path, findings));
      findingsByFile.set(input.path, findings);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`lync-pic: ${error.message}`);
      inputProblem = true;
    }
  }
  io.stdout(measured(timings, 'output', () => output(args, reports, findingsByFile)));
  if (timings) io.stderr(formatTimings(timings, performance.now() - start, reports.length));
  if (inputProblem) return 2;
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  return reports.some((r) => r.errorCount > 0) || (args.maxWarnings !== undefined && warnings > args.maxWarnings) ? 1 : 0;
}

/**
 * Lints one script, first applying its safe fixes in place when asked to. The file is written back in the encoding it
 * was read in; when the fixed text cannot be (or the text read stands U+FFFD for bytes it lost), or the write fails, the
 * file is left as it was, its findings are those of the text read, and the problem says why.
 */
function lintInput(input: Extract<Input, { text: string }>, linter: Linter, options: LintOptions, fix: boolean): { findings: readonly Finding[]; problem?: string } {
  const { path, text } = input;
  if (fix && path !== '<stdin>') {
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
  return path === '<stdin>' ? configs.forFolder(process.cwd()) : configs.forFile(path);
}

/** Ignored by a --ignore-pattern (relative to the working folder) or by the config's patterns (relative to its folder). */
function isIgnored(input: Input, cliIgnores: readonly RegExp[], config: ProjectConfig | undefined): boolean {
  if (input.path === '<stdin>') return false;
  const absolute = resolve(input.path);
  if (matchesAny(relative(process.cwd(), absolute), cliIgnores)) return true;
  if (!config || config.ignorePatterns.length === 0) return false;
  return matchesAny(relative(dirname(config.path), absolute), config.ignorePatterns.map(globToRegExp));
}

/** The command line's target wins over the project file's; severities come from the project file. */
function optionsFor(path: string, args: LintArgs, config: ProjectConfig | undefined, io: Io): LintOptions {
  return {
    target: args.target ?? config?.target,
    rules: config?.rules,
    onRuleError: (id, e) => io.stderr(`lync-pic: internal error in rule ${id} on ${path}: ${String(e)}`),
  };
}

function output(args: LintArgs, reports: readonly FileReport[], findingsByFile: ReadonlyMap<string, readonly Finding[]>): string {
  if (args.format === 'json') return formatJson(reports);
  if (args.format === 'sarif') return formatSarif(sarifRules(), findingsByFile, VERSION, (path) => relative(process.cwd(), resolve(path)).replace(/\\/g, '/'));
  return formatStylish(reports, findingsByFile);
}

/** The package root: dist/ when bundled; the repository when running from compiled sources in out/. */
function packageRoot(): string {
  return [join(__dirname, '..'), join(__dirname, '..', '..', '..', '..')].find((root) => {
    try {
      return (JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name?: unknown }).name === 'lync-pic';
    } catch {
      return false;
    }
  }) ?? join(__dirname, '..');
}

function sarifRules(): SarifRule[] {
  const root = packageRoot();
  return RULES.map((rule) => {
    const page = join(root, docsPath(rule.meta.id));
    let helpMarkdown: string | undefined;
    try {
      helpMarkdown = readFileSync(page, 'utf8');
    } catch {
      helpMarkdown = undefined;
    }
    return { id: rule.meta.id, summary: rule.meta.summary, severity: rule.meta.defaultSeverity, helpUri: pathToFileURL(page).toString(), helpMarkdown };
  });
}
