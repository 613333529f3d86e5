import { SERVER_VERSIONS, type TargetVersion } from '../engine/catalog/types';

export type Format = 'stylish' | 'json';

export interface LintArgs {
  readonly command: 'lint';
  readonly format: Format;
  readonly target: TargetVersion;
  readonly paths: readonly string[];
}

export type ParsedArgs = LintArgs | { readonly command: 'help' } | { readonly command: 'version' };

export class UsageError extends Error {}

export const USAGE = `Usage: lync-pic lint [options] <files or folders...>

Lints Lync Server / Skype for Business Server federation cmdlets in PowerShell scripts.
Folders are searched for .ps1 and .psm1 files; "-" reads a script from standard input.

Options:
  --format <stylish|json>   output format (default: stylish; json is ESLint's JSON shape)
  --target <version>        any, ${SERVER_VERSIONS.join(', ')} (default: any)
  -h, --help                show this help
  --version                 show the version

Exit codes: 0 no errors, 1 errors found, 2 bad usage or unreadable input.`;

const TARGETS: readonly string[] = ['any', ...SERVER_VERSIONS];

/** Reads `--name value` and `--name=value`. */
function optionValue(argv: readonly string[], i: number, name: string): [string, number] {
  const arg = argv[i];
  if (arg.startsWith(`${name}=`)) return [arg.slice(name.length + 1), i];
  const value = argv[i + 1];
  if (value === undefined || (value.startsWith('-') && value !== '-')) throw new UsageError(`${name} needs a value`);
  return [value, i + 1];
}

export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.length === 0 || argv.includes('-h') || argv.includes('--help')) return { command: 'help' };
  if (argv[0] === '--version') return { command: 'version' };
  const [command, ...rest] = argv;
  if (command !== 'lint') throw new UsageError(`unknown command "${command}" (expected "lint")`);
  let format: Format = 'stylish';
  let target: TargetVersion = 'any';
  const paths: string[] = [];
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (arg === '--format' || arg.startsWith('--format=')) {
      const [value, next] = optionValue(rest, i, '--format');
      if (value !== 'stylish' && value !== 'json') throw new UsageError(`--format must be stylish or json, not "${value}"`);
      format = value;
      i = next;
    } else if (arg === '--target' || arg.startsWith('--target=')) {
      const [value, next] = optionValue(rest, i, '--target');
      if (!TARGETS.includes(value)) throw new UsageError(`--target must be one of ${TARGETS.join(', ')}, not "${value}"`);
      target = value as TargetVersion;
      i = next;
    } else if (arg.startsWith('-') && arg !== '-') {
      throw new UsageError(`unknown option "${arg}"`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw new UsageError('no files or folders to lint');
  return { command: 'lint', format, target, paths };
}
