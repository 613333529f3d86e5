import { writeFileSync } from 'node:fs';
import { fixAll } from '../engine/fix/apply';
import { Linter, type LintOptions } from '../engine/lint';
import type { Finding } from '../engine/rules/rule';
import { parseLintArgs, type LintArgs } from './args';
import { ConfigError, ConfigFinder } from './config';
import { collectInputs } from './files';
import { formatJson, formatStylish, toFileReport, type FileReport } from './format';
import type { Io } from './io';

export async function lintCommand(argv: readonly string[], io: Io): Promise<number> {
  return lint(parseLintArgs(argv), io);
}

async function lint(args: LintArgs, io: Io): Promise<number> {
  const linter = await Linter.create();
  const configs = new ConfigFinder();
  const reports: FileReport[] = [];
  const findingsByFile = new Map<string, readonly Finding[]>();
  let inputProblem = false;
  for (const input of collectInputs(args.paths, io.readStdin)) {
    if ('problem' in input) {
      io.stderr(`lync-pic: ${input.path}: ${input.problem}`);
      inputProblem = true;
      continue;
    }
    let options: LintOptions;
    try {
      options = optionsFor(input.path, args, configs, io);
    } catch (error) {
      if (!(error instanceof ConfigError)) throw error;
      io.stderr(`lync-pic: ${error.message}`);
      inputProblem = true;
      continue;
    }
    let text = input.text;
    if (args.fix && input.path !== '<stdin>') {
      const fixed = fixAll(text, (t) => linter.lint(t, options).findings);
      if (fixed.applied > 0) {
        writeFileSync(input.path, fixed.text);
        text = fixed.text;
      }
    }
    // Hints are editor suggestions (an action to append missing commands); they are not problems to report in CI.
    const findings = linter.lint(text, options).findings.filter((f) => f.severity !== 'hint');
    reports.push(toFileReport(input.path, findings));
    findingsByFile.set(input.path, findings);
  }
  io.stdout(args.format === 'json' ? formatJson(reports) : formatStylish(reports, findingsByFile));
  if (inputProblem) return 2;
  return reports.some((r) => r.errorCount > 0) ? 1 : 0;
}

/** The command line's target wins over the project file's; severities come from the project file. */
function optionsFor(path: string, args: LintArgs, configs: ConfigFinder, io: Io): LintOptions {
  const config = path === '<stdin>' ? configs.forFolder(process.cwd()) : configs.forFile(path);
  return {
    target: args.target ?? config?.target,
    rules: config?.rules,
    onRuleError: (id, e) => io.stderr(`lync-pic: internal error in rule ${id} on ${path}: ${String(e)}`),
  };
}
