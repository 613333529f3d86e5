import { readFileSync } from 'node:fs';
import { LINT_USAGE } from './args';
import { generateCommand } from './generate';
import { HelpRequested, UsageError, type Io } from './io';
import { lintCommand } from './lint';
import { VERSION } from './version';

/** Subcommands: each parses its own arguments and returns an exit code. */
const COMMANDS: Readonly<Record<string, (argv: readonly string[], io: Io) => Promise<number>>> = {
  lint: lintCommand,
  generate: generateCommand,
};

const USAGE = `Usage: lync-pic <command> [options]

Commands:
  lint       lint PowerShell scripts (lync-pic lint --help)
  generate   write the Skype connectivity script (lync-pic generate --help)

Options:
  -h, --help   show this help
  --version    show the version

${LINT_USAGE}`;

/** Runs the CLI and returns its exit code; never throws. */
export async function run(argv: readonly string[], io: Io): Promise<number> {
  const [name, ...rest] = argv;
  try {
    if (name === undefined || name === '-h' || name === '--help') {
      io.stdout(USAGE);
      return 0;
    }
    if (name === '--version') {
      io.stdout(VERSION);
      return 0;
    }
    const command = COMMANDS[name];
    if (!command) throw new UsageError(`unknown command "${name}" (expected ${Object.keys(COMMANDS).join(' or ')})`, USAGE);
    return await command(rest, io);
  } catch (error) {
    if (error instanceof HelpRequested) {
      io.stdout(error.message);
      return 0;
    }
    if (error instanceof UsageError) io.stderr(`lync-pic: ${error.message}${error.usage ? `\n\n${error.usage}` : ''}`);
    else io.stderr(`lync-pic: internal error: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
}

if (require.main === module) {
  void run(process.argv.slice(2), {
    stdout: (text) => process.stdout.write(text + '\n'),
    stderr: (text) => process.stderr.write(text + '\n'),
    readStdin: () => readFileSync(0),
  }).then((code) => {
    process.exitCode = code;
  });
}
