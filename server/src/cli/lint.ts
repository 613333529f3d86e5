import { Linter } from '../engine/lint';
import type { Finding } from '../engine/rules/rule';
import { parseLintArgs, type LintArgs } from './args';
import { collectInputs } from './files';
import { formatJson, formatStylish, toFileReport, type FileReport } from './format';
import type { Io } from './io';

export async function lintCommand(argv: readonly string[], io: Io): Promise<number> {
  return lint(parseLintArgs(argv), io);
}

async function lint(args: LintArgs, io: Io): Promise<number> {
  const linter = await Linter.create();
  const reports: FileReport[] = [];
  const findingsByFile = new Map<string, readonly Finding[]>();
  let inputProblem = false;
  for (const input of collectInputs(args.paths, io.readStdin)) {
    if ('problem' in input) {
      io.stderr(`lync-pic: ${input.path}: ${input.problem}`);
      inputProblem = true;
      continue;
    }
    const { findings } = linter.lint(input.text, { target: args.target, onRuleError: (id, e) => io.stderr(`lync-pic: internal error in rule ${id} on ${input.path}: ${String(e)}`) });
    reports.push(toFileReport(input.path, findings));
    findingsByFile.set(input.path, findings);
  }
  io.stdout(args.format === 'json' ? formatJson(reports) : formatStylish(reports, findingsByFile));
  if (inputProblem) return 2;
  return reports.some((r) => r.errorCount > 0) ? 1 : 0;
}
