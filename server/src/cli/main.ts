import { readFileSync } from 'node:fs';
import { Linter } from '../engine/lint';
import type { Finding } from '../engine/rules/rule';
import { parseArgs, USAGE, UsageError, type LintArgs } from './args';
import { collectInputs } from './files';
import { formatJson, formatStylish, toFileReport, type FileReport } from './format';

declare const LYNC_PIC_VERSION: string | undefined;

interface Io {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
  readonly readStdin: () => string;
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

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  try {
    const args = parseArgs(argv);
    if (args.command === 'help') {
      io.stdout(USAGE);
      return 0;
    }
    if (args.command === 'version') {
      io.stdout(typeof LYNC_PIC_VERSION === 'string' ? LYNC_PIC_VERSION : 'dev');
      return 0;
    }
    return await lint(args, io);
  } catch (error) {
    io.stderr(error instanceof UsageError ? `lync-pic: ${error.message}\n\n${USAGE}` : `lync-pic: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    readStdin: () => readFileSync(0, 'utf8'),
  }).then((code) => {
    process.exitCode = code;
  });
}
