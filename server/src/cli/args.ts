import { SERVER_VERSIONS, type TargetVersion } from '../engine/catalog/types';
import { HelpRequested, UsageError } from './io';

export type Format = 'stylish' | 'json';

export interface LintArgs {
  readonly format: Format;
  /** Undefined: from .lync-pic.json, else `any`. */
  readonly target?: TargetVersion;
  readonly fix: boolean;
  readonly paths: readonly string[];
}

export const LINT_USAGE = `Usage: lync-pic lint [options] <files or folders...>

Lints Lync Server / Skype for Business Server federation cmdlets in PowerShell scripts.
Folders are searched for .ps1 and .psm1 files; "-" reads a script from standard input.
Rule severities and the target come from the nearest .lync-pic.json above each file.

Options:
  --format <stylish|json>   output format (default: stylish; json is ESLint's JSON shape)
  --target <version>        any, ${SERVER_VERSIONS.join(', ')} (default: from .lync-pic.json, else any)
  --fix                     apply the safe fixes to the files, then report what is left
  -h, --help                show this help

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

const TARGETS: readonly string[] = ['any', ...SERVER_VERSIONS];

/** Reads `--name value` and `--name=value`. */
function optionValue(argv: readonly string[], i: number, name: string): [string, number] {
  const arg = argv[i];
  if (arg.startsWith(`${name}=`)) return [arg.slice(name.length + 1), i];
  const value = argv[i + 1];
  if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`${name} needs a value`, LINT_USAGE);
  return [value, i + 1];
}

export function parseLintArgs(rest: readonly string[]): LintArgs {
  if (rest.includes('-h') || rest.includes('--help')) throw new HelpRequested(LINT_USAGE);
  let format: Format = 'stylish';
  let target: TargetVersion | undefined;
  let fix = false;
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const [value, next] = optionValue(rest, i, '--format');
      if (value !== 'stylish' && value !== 'json') throw new UsageError(`--format must be stylish or json, not "${value}"`, LINT_USAGE);
      format = value;
      i = next;
    } else if (arg === '--target' || arg.startsWith('--target=')) {
      const [value, next] = optionValue(rest, i, '--target');
      if (!TARGETS.includes(value)) throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, not "${value}"`, LINT_USAGE);
      target = value as TargetVersion;
      i = next;
    } else if (arg === '--fix') {
      fix = true;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`, LINT_USAGE);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no files or folders to lint', LINT_USAGE);
    if (fix && paths.includes('-')) throw new UsageError('--fix cannot rewrite standard input', LINT_USAGE);
  return { format, target, fix, paths };
}
