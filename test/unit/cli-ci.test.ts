import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { globToRegExp, matchesAny } from '../../server/src/cli/glob';
import { RULES } from '../../server/src/engine/rules';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin: () => '' });
  return { code, stdout, stderr };
}

/** The rows of a `--timing` table: label, milliseconds. */
function tableRows(table: string): Map<string, number> {
  return new Map([...table.matchAll(/^ {2}(\S.*?) +(\d+\.\d) +\d+\.\d$/gm)].map((m) => [m[1], Number(m[2])]));
}

/** A project with one error (line 2), one warning (line 3) and one hint. */
function project(): string {
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-ci-'));
  mkdirSync(join(folder, 'scripts', 'legacy'), { recursive: true });
  const script = [
    'Remove-CsPublicProvider -Identity Skype',
    'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"',
    'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true',
    '',
  ].join('\n');
  writeFileSync(join(folder, 'scripts', 'pic.ps1'), script);
  writeFileSync(join(folder, 'scripts', 'legacy', 'old.ps1'), 'Enable-CsPublicProvider -Identity Yahoo\n');
  return folder;
}

interface Sarif {
  version: string;
  runs: { tool: { driver: { name: string; rules: { id: string; helpUri: string; help: { markdown?: string } }[] } }; results: { ruleId: string; ruleIndex: number; level: string; locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[] }[] }[];
}

describe('lync-pic lint for CI', () => {
  it('writes SARIF 2.1.0 with rules (help URI and text) and results with regions', async () => {
    const folder = project();
    const { stdout, code } = await cli(['lint', '--format', 'sarif', join(folder, 'scripts', 'pic.ps1')]);
    assert.equal(code, 1);
    const sarif = JSON.parse(stdout) as Sarif;
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    const rules = runResult.tool.driver.rules;
    assert.equal(runResult.tool.driver.name, 'lync-pic');
    assert.ok(rules.some((r) => r.id === 'skype-proxy-fqdn' && /^file:.*docs\/rules\/skype-proxy-fqdn\.md$/.test(r.helpUri) && r.help.markdown?.startsWith('# skype-proxy-fqdn')));
    const results = runResult.results.map((r) => [r.ruleId, r.level, r.locations[0].physicalLocation.region.startLine, r.locations[0].physicalLocation.region.startColumn]);
    assert.deepEqual(results, [['skype-proxy-fqdn', 'error', 2, 49], ['partner-discovery-routing', 'warning', 3, 31]]);
    for (const r of runResult.results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    assert.match(runResult.results[0].locations[0].physicalLocation.artifactLocation.uri, /scripts\/pic\.ps1$/);
  });

  it('--quiet reports errors only; --max-warnings fails on too many warnings', async () => {
    const folder = project();
    writeFileSync(join(folder, 'scripts', 'warn.ps1'), 'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n');
    const file = join(folder, 'scripts', 'warn.ps1');
    const quiet = JSON.parse((await cli(['lint', '--quiet', '--format', 'json', join(folder, 'scripts', 'pic.ps1')])).stdout) as { messages: { ruleId: string }[] }[];
    assert.deepEqual(quiet[0].messages.map((m) => m.ruleId), ['skype-proxy-fqdn']);
    assert.equal((await cli(['lint', file])).code, 0, 'warnings alone pass');
    assert.equal((await cli(['lint', '--max-warnings', '1', file])).code, 0);
    assert.equal((await cli(['lint', '--max-warnings', '0', file])).code, 1);
    assert.equal((await cli(['lint', '--max-warnings', 'many', file])).code, 2);
  });

  it('leaves out files matched by --ignore-pattern and by ignorePatterns of .lync-pic.json', async () => {
    const folder = project();
    const files = async (args: string[]) => (JSON.parse((await cli(['lint', '--format', 'json', ...args])).stdout) as { filePath: string }[]).map((r) => r.filePath.replace(folder, '').replace(/\\/g, '/'));
    assert.deepEqual(await files([folder]), ['/scripts/legacy/old.ps1', '/scripts/pic.ps1']);
    const relativeToCwd = relative(process.cwd(), join(folder, 'scripts', 'legacy')).replace(/\\/g, '/');
    assert.deepEqual(await files(['--ignore-pattern', `${relativeToCwd}/**`, folder]), ['/scripts/pic.ps1']);
    writeFileSync(join(folder, '.lync-pic.json'), JSON.stringify({ ignorePatterns: ['legacy/'] }));
    assert.deepEqual(await files([folder]), ['/scripts/pic.ps1']);
  });

  it('matches globs the way .gitignore does', () => {
    const m = (path: string, glob: string) => matchesAny(path, [globToRegExp(glob)]);
    assert.ok(m('scripts/legacy/old.ps1', 'legacy'));
    assert.ok(m('scripts/legacy/old.ps1', '**/old.ps1'));
    assert.ok(m('scripts/legacy/old.ps1', 'scripts/**/*.ps1'));
    assert.ok(!m('scripts/legacy/old.ps1', 'scripts/*.ps1'));
    assert.ok(m('a/b.ps1', '*.ps1'));
    assert.ok(!m('a/b.psm1', '*.ps1'));
  });
  it('--timing reports each phase and the slowest rules on standard error, and leaves the output alone', async () => {
    const folder = project();
    const file = join(folder, 'scripts', 'pic.ps1');
    const { stdout, stderr, code } = await cli(['lint', '--timing', '--format', 'json', file, join(folder, 'scripts', 'legacy', 'old.ps1')]);
    assert.equal(code, 1);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 2, 'standard output is the JSON report alone');
    assert.match(stderr, /^Timing of 2 files:/);
    const [phaseTable, ruleTable] = stderr.split('\n\n').map(tableRows);
    assert.deepEqual([...phaseTable.keys()], ['read', 'parse', 'walk', 'bind', 'rules', 'output', 'other', 'total']);
    const total = phaseTable.get('total') ?? 0;
    const parts = [...phaseTable].filter(([name]) => name !== 'total').reduce((sum, [, ms]) => sum + ms, 0);
    assert.ok(Math.abs(total - parts) < 1, `the phases and "other" add up to the total (${parts} / ${total})`);
    const ruleMs = [...ruleTable.values()];
    assert.equal(ruleMs.length, 10, 'the ten slowest rules');
    assert.ok([...ruleTable.keys()].every((id) => RULES.some((r) => r.meta.id === id)));
    assert.deepEqual(ruleMs, [...ruleMs].sort((x, y) => y - x), 'slowest first');
    assert.equal((await cli(['lint', '--format', 'json', file])).stderr, '', 'no timing unless asked');
  });
});
