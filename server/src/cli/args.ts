import { LINT_TARGETS, type TargetVersion } from '../engine';
import { HelpRequested, UsageError } from './io';

export const FORMATS = ['stylish', 'json', 'sarif'] as const;
export type Format = (typeof FORMATS)[number];

export interface LintArgs {
  readonly format: Format;
  /** Undefined: from .lync-pic.json, else `any`. */
  readonly target?: TargetVersion;
  readonly fix: boolean;
  /** Report errors only. */
  readonly quiet: boolean;
  /** Fail (exit 1) when there are more warnings (info notes not counted) than this; undefined: no limit. */
  readonly maxWarnings?: number;
  /** Print where the time went (by phase and by rule) to standard error. */
  readonly timing: boolean;
  /** Glob patterns of files to leave out, relative to the working folder. */
  readonly ignorePatterns: readonly string[];
  readonly paths: readonly string[];
}

export const LINT_USAGE = `Usage: lync-pic lint [options] <files or folders...>

Lints Lync Server / Skype for Business Server federation cmdlets in PowerShell scripts.
Folders are searched for .ps1 and .psm1 files; "-" reads a script from standard input.
Rule severities, the target and ignore patterns come from the nearest .lync-pic.json above each file.

Options:
  --format <format>         stylish (default), json (ESLint's JSON shape) or sarif (SARIF 2.1.0)
  --target <version>        ${LINT_TARGETS.join(', ')} (default: from .lync-pic.json, else any)
  --fix                     apply the safe fixes to the files, then report what is left
  --quiet                   report errors only
  --max-warnings <n>        exit 1 when there are more than n warnings (info notes do not count; -1: no limit)
  --ignore-pattern <glob>   leave out files that match, relative to the working folder (repeatable): as in
                            .gitignore, a pattern without a slash matches a name at any depth, a trailing slash
                            matches folders, ! brings files back; *, ?, **, [a-z] and {a,b} work
  --timing                  print where the time went, by phase and by rule, to standard error
  -h, --help                show this help

Exit codes: 0 no errors, 1 errors found (or too many warnings), 2 bad usage or unreadable input.`;

const TARGETS: readonly string[] = LINT_TARGETS;

type Mutable<T> = { -readonly [K in keyof T]: T[K] };

/** Options that take a value: how each one is checked and stored. */
const VALUE_OPTIONS: Readonly<Record<string, (value: string, args: Mutable<LintArgs>) => void>> = {
  '--format': (value, args) => {
    if (!(FORMATS as readonly string[]).includes(value)) throw usage(`--format must be ${FORMATS.join(', ')}, not "${value}"`);
    args.format = value as Format;
  },
  '--target': (value, args) => {
    if (!TARGETS.includes(value)) throw usage(`--target must be one of ${TARGETS.join(', ')}, not "${value}"`);
    args.target = value as TargetVersion;
  },
  '--max-warnings': (value, args) => {
    if (!/^(?:\d+|-1)$/.test(value)) throw usage(`--max-warnings takes a whole number, or -1 for no limit, not "${value}"`);
    // -1 is ESLint's way of saying "no limit".
    args.maxWarnings = value === '-1' ? undefined : Number(value);
  },
  '--ignore-pattern': (value, args) => {
    args.ignorePatterns = [...args.ignorePatterns, value];
  },
};

const FLAGS: Readonly<Record<string, (args: Mutable<LintArgs>) => void>> = {
  '--fix': (args) => (args.fix = true),
  '--quiet': (args) => (args.quiet = true),
  '--timing': (args) => (args.timing = true),
};

/** An argument that looks like an option rather than a value ("-" alone is standard input). */
function isOption(arg: string): boolean {
  return arg.startsWith('-') && arg !== '-';
}

function usage(message: string): UsageError {
  return new UsageError(message, LINT_USAGE);
}

export function parseLintArgs(argv: readonly string[]): LintArgs {
  if (argv.includes('-h') || argv.includes('--help')) throw new HelpRequested(LINT_USAGE);
  const args: Mutable<LintArgs> = { format: 'stylish', fix: false, quiet: false, timing: false, ignorePatterns: [], paths: [] };
  const paths: string[] = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const [name, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    const takesValue = VALUE_OPTIONS[name];
    if (takesValue) {
      const value = inline ?? argv[++i];
      if (value === undefined || (isOption(value) && !(name === '--max-warnings' && /^-\d+$/.test(value)))) throw usage(`${name} needs a value`);
      takesValue(value, args);
    } else if (FLAGS[name] && inline === undefined) {
      FLAGS[name](args);
    } else if (isOption(arg)) {
      throw usage(`unknown option "${arg}"`);
    } else {
      paths.push(arg);
    }
  }
  if (paths.length === 0) throw usage('no files or folders to lint');
  if (args.fix && paths.includes('-')) throw usage('--fix cannot rewrite standard input');
  return { ...args, paths };
}
