// The main job: lint the sample scripts with the CLI (they contain deliberate mistakes, so exit code 1 is
// expected), then build the installable .vsix.
import { spawnSync } from 'node:child_process';

function run(command, args) {
  console.log(`\n$ ${command} ${args.join(' ')}`);
  return spawnSync(command, args, { stdio: 'inherit', shell: process.platform === 'win32' }).status;
}

const lint = run(process.execPath, ['dist/cli.js', 'lint', 'examples/']);
if (lint !== 0 && lint !== 1) process.exit(lint ?? 2);
const packaged = run('npx', [
  '--no-install',
  'vsce',
  'package',
  '--no-dependencies',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out',
  'lync-pic.vsix',
]);
process.exit(packaged ?? 2);
