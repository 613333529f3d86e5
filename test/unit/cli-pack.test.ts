import { strict as assert } from 'node:assert';
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { cpSync, mkdtempSync, readdirSync, rmSync, symlinkSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { basename, dirname, join } from 'node:path';
import { after, describe, it } from 'node:test';
import { REPO_ROOT } from '../helpers';
import { sarifSchemaErrors } from '../sarif-schema';

/** What a fresh clone has: no build output, no test output, no packages (node_modules is linked, as `npm ci` made it). */
const NOT_IN_A_CLONE = new Set(['.git', 'node_modules', 'dist', 'out', '.cache', 'scratch', 'test-results']);

/** npm as a user runs it: without the npm_* variables of an enclosing `npm test`. */
function npm(args: string[], cwd: string): SpawnSyncReturns<string> {
  const env = Object.fromEntries(Object.entries(process.env).filter(([name]) => !name.toLowerCase().startsWith('npm_')));
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 240_000 });
}

function succeeded(result: SpawnSyncReturns<string>, what: string): void {
  assert.equal(result.status, 0, `${what} failed (${result.error?.message ?? `exit ${result.status}`}):\n${result.stdout}\n${result.stderr}`);
}

/** A copy of the working tree as a clone has it, where `npm pack` cannot find a dist/ left by an earlier build. */
function cleanCopy(work: string): string {
  const copy = join(work, 'lync-pic');
  const inClone = (src: string) => dirname(src) !== REPO_ROOT || !(NOT_IN_A_CLONE.has(basename(src)) || /\.(tgz|vsix)$/.test(src));
  cpSync(REPO_ROOT, copy, { recursive: true, filter: inClone });
  symlinkSync(join(REPO_ROOT, 'node_modules'), join(copy, 'node_modules'), 'dir');
  return copy;
}

describe("the README's CI recipe", { skip: process.platform === 'win32' && 'the installed command is a .cmd shim on Windows' }, () => {
  const work = mkdtempSync(join(tmpdir(), 'lync-pic-pack-'));
  after(() => rmSync(work, { recursive: true, force: true }));

  it('npm pack builds, and the package installed globally gives a lync-pic command that writes SARIF', { timeout: 300_000 }, () => {
    const copy = cleanCopy(work);
    succeeded(npm(['pack', '--pack-destination', work], copy), 'npm pack');
    const [tarball] = readdirSync(work).filter((name) => name.endsWith('.tgz'));
    assert.equal(tarball, 'lync-pic-0.1.0.tgz');
    const prefix = join(work, 'prefix');
    // --offline: everything the command needs is in the package (its code is bundled), nothing comes from a registry.
    succeeded(npm(['install', '--global', '--prefix', prefix, '--offline', '--no-audit', '--no-fund', join(work, tarball)], work), 'npm install --global');
    const lyncPic = (args: string[]) => spawnSync(join(prefix, 'bin', 'lync-pic'), args, { cwd: REPO_ROOT, encoding: 'utf8' });

    const examples = lyncPic(['lint', '--format', 'sarif', '--max-warnings', '0', 'examples/']);
    assert.equal(examples.status, 1, `the examples hold deliberate errors: ${examples.error?.message ?? examples.stderr}`);
    const sarif = JSON.parse(examples.stdout) as {
      runs: { results: { ruleId: string }[]; tool: { driver: { rules: { id: string; help: { markdown?: string } }[] } } }[];
    };
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    assert.ok(sarif.runs[0].results.some((r) => r.ruleId === 'skype-proxy-fqdn'));
    assert.ok(
      sarif.runs[0].tool.driver.rules.every((r) => r.help.markdown?.startsWith(`# ${r.id}`)),
      'the docs pages are in the package',
    );

    const clean = lyncPic(['lint', '--format', 'sarif', '--max-warnings', '0', 'examples/documented-skype-provider.ps1']);
    assert.equal(clean.status, 0, clean.stderr);
  });
});
