import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { after, describe, it } from 'node:test';
import { pathToFileURL } from 'node:url';
import { run } from '../../server/src/cli/main';
import { IgnoreList } from '../../server/src/cli/ignore';
import { RULES } from '../../server/src/engine/rules';
import { sarifSchemaErrors } from '../sarif-schema';

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin: () => stdin });
  return { code, stdout, stderr };
}

/** The file names (relative to the folder) that a JSON report lists. */
async function linted(folder: string, args: string[]): Promise<{ files: string[]; stderr: string; code: number }> {
  const result = await cli(['lint', '--format', 'json', ...args]);
  const files = (JSON.parse(result.stdout) as { filePath: string }[]).map((r) => relative(folder, r.filePath).replace(/\\/g, '/'));
  return { files, stderr: result.stderr, code: result.code };
}

/** Microsoft's Lync Server 2013 command, verbatim: its only finding is an info note (unguarded-new-provider). */
const DOCUMENTED_2013 =
  'New-CsPublicProvider -ProxyFqdn federation.messenger.msn.com -Enabled 1 -Identity Skype  -VerificationLevel 2 -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -IconUrl "https://images.edge.messenger.live.com/Messenger_16x16.png"\n';

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
  runs: {
    tool: { driver: { name: string; rules: { id: string; helpUri?: string; fullDescription: { text: string }; help: { text: string; markdown?: string } }[] } };
    originalUriBaseIds: Record<string, { uri: string }>;
    results: {
      ruleId: string;
      ruleIndex: number;
      level: string;
      locations: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number; endColumn: number } } }[];
    }[];
  }[];
}

describe('lync-pic lint for CI', () => {
  it('writes SARIF 2.1.0 with rules (help inline, no link into the install folder) and results with regions', async () => {
    const folder = project();
    const { stdout, code } = await cli(['lint', '--format', 'sarif', join(folder, 'scripts', 'pic.ps1')]);
    assert.equal(code, 1);
    assert.deepEqual(sarifSchemaErrors(JSON.parse(stdout)), []);
    const sarif = JSON.parse(stdout) as Sarif;
    assert.equal(sarif.version, '2.1.0');
    const [runResult] = sarif.runs;
    const rules = runResult.tool.driver.rules;
    assert.equal(runResult.tool.driver.name, 'lync-pic');
    assert.ok(
      rules.every((r) => r.helpUri === undefined),
      'no helpUri: a file: link into node_modules is dead where the results are read',
    );
    const proxy = rules.find((r) => r.id === 'skype-proxy-fqdn');
    assert.match(
      proxy?.help.text ?? '',
      /^The Skype public provider \(the provider formerly called Messenger\) must point at Microsoft's Skype federation edge/,
    );
    assert.equal(proxy?.fullDescription.text, proxy?.help.text);
    assert.ok(proxy?.help.markdown?.startsWith('# skype-proxy-fqdn'));
    const results = runResult.results.map((r) => [
      r.ruleId,
      r.level,
      r.locations[0].physicalLocation.region.startLine,
      r.locations[0].physicalLocation.region.startColumn,
    ]);
    assert.deepEqual(results, [
      ['skype-proxy-fqdn', 'error', 2, 49],
      ['partner-discovery-routing', 'warning', 3, 31],
    ]);
    for (const r of runResult.results) assert.equal(rules[r.ruleIndex].id, r.ruleId);
    assert.match(runResult.results[0].locations[0].physicalLocation.artifactLocation.uri, /scripts\/pic\.ps1$/);
  });

  it('gives SARIF locations that resolve: relative under %SRCROOT% inside the working folder, absolute file URIs outside, none for standard input', async () => {
    const outside = project();
    const inside = mkdtempSync(join(process.cwd(), 'out', 'sarif inside-'));
    after(() => rmSync(inside, { recursive: true, force: true }));
    writeFileSync(join(inside, 'a b.ps1'), 'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n');
    const outsideFile = join(outside, 'scripts', 'pic.ps1');
    const { stdout } = await cli(
      ['lint', '--format', 'sarif', outsideFile, join(inside, 'a b.ps1'), '-'],
      'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n',
    );
    const sarif = JSON.parse(stdout) as Sarif & { runs: { results: { locations: { physicalLocation: { artifactLocation: Record<string, unknown> } }[] }[] }[] };
    assert.deepEqual(sarifSchemaErrors(sarif), []);
    const locations = sarif.runs[0].results.map((r) => r.locations[0].physicalLocation.artifactLocation);
    assert.deepEqual(locations[0], { uri: pathToFileURL(outsideFile).href });
    assert.deepEqual(locations.at(-2), {
      uri: `${relative(process.cwd(), inside).split(/[\\/]/).map(encodeURIComponent).join('/')}/a%20b.ps1`,
      uriBaseId: '%SRCROOT%',
    });
    assert.deepEqual(locations.at(-1), { description: { text: 'standard input' } });
    assert.equal(sarif.runs[0].originalUriBaseIds['%SRCROOT%'].uri, `${pathToFileURL(process.cwd()).href}/`);
  });

  it('--quiet reports errors only; --max-warnings fails on too many warnings', async () => {
    const folder = project();
    writeFileSync(join(folder, 'scripts', 'warn.ps1'), 'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n');
    const file = join(folder, 'scripts', 'warn.ps1');
    const quiet = JSON.parse((await cli(['lint', '--quiet', '--format', 'json', join(folder, 'scripts', 'pic.ps1')])).stdout) as {
      messages: { ruleId: string }[];
    }[];
    assert.deepEqual(
      quiet[0].messages.map((m) => m.ruleId),
      ['skype-proxy-fqdn'],
    );
    assert.equal((await cli(['lint', file])).code, 0, 'warnings alone pass');
    assert.equal((await cli(['lint', '--max-warnings', '1', file])).code, 0);
    assert.equal((await cli(['lint', '--max-warnings', '0', file])).code, 1);
    assert.equal((await cli(['lint', '--max-warnings', 'many', file])).code, 2);
  });

  it('--max-warnings counts warnings only, not info notes, and -1 means no limit, as in ESLint', async () => {
    const notesOnly = await cli(['lint', '--format', 'json', '--max-warnings', '0', '-'], DOCUMENTED_2013);
    const [report] = JSON.parse(notesOnly.stdout) as {
      warningCount: number;
      infoCount: number;
      messages: { ruleId: string; severity: number; lyncPicSeverity: string }[];
    }[];
    assert.deepEqual(
      report.messages.map((m) => [m.ruleId, m.severity, m.lyncPicSeverity]),
      [['unguarded-new-provider', 1, 'info']],
    );
    assert.deepEqual([report.warningCount, report.infoCount], [0, 1]);
    assert.equal(notesOnly.code, 0, 'an info note is not a warning');
    const warning = 'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n';
    assert.equal((await cli(['lint', '--max-warnings', '0', '-'], warning)).code, 1);
    assert.equal((await cli(['lint', '--max-warnings', '-1', '-'], warning)).code, 0, '-1: no limit');
    assert.equal((await cli(['lint', '--max-warnings=-1', '-'], warning)).code, 0);
    const belowMinusOne = await cli(['lint', '--max-warnings', '-2', '-'], warning);
    assert.equal(belowMinusOne.code, 2);
    assert.match(belowMinusOne.stderr, /--max-warnings takes a whole number, or -1 for no limit, not "-2"/);
  });

  it('leaves out files matched by --ignore-pattern and by ignorePatterns of .lync-pic.json', async () => {
    const folder = project();
    const files = async (args: string[]) => (await linted(folder, args)).files;
    assert.deepEqual(await files([folder]), ['scripts/legacy/old.ps1', 'scripts/pic.ps1']);
    const relativeToCwd = relative(process.cwd(), join(folder, 'scripts', 'legacy')).replace(/\\/g, '/');
    assert.deepEqual(await files(['--ignore-pattern', `${relativeToCwd}/**`, folder]), ['scripts/pic.ps1']);
    writeFileSync(join(folder, '.lync-pic.json'), JSON.stringify({ ignorePatterns: ['legacy/'] }));
    assert.deepEqual(await files([folder]), ['scripts/pic.ps1']);
  });

  it('--ignore-pattern takes character classes, braces and negation, and says when a pattern matched no file', async () => {
    const folder = mkdtempSync(join(tmpdir(), 'lync-pic-ignore-'));
    for (const name of ['01-setup.ps1', '03-edge.ps1', '05-policy.ps1', '09-check.ps1', 'tools.psm1'])
      writeFileSync(join(folder, name), 'Get-CsPublicProvider\n');
    const classes = await linted(folder, ['--ignore-pattern', '0[3-8]*', folder]);
    assert.deepEqual(classes.files, ['01-setup.ps1', '09-check.ps1', 'tools.psm1']);
    assert.equal(classes.stderr, '');
    assert.deepEqual((await linted(folder, ['--ignore-pattern', '{01,09}-*.ps1', folder])).files, ['03-edge.ps1', '05-policy.ps1', 'tools.psm1']);
    assert.deepEqual((await linted(folder, ['--ignore-pattern', '*.ps1', '--ignore-pattern', '!05-*', folder])).files, ['05-policy.ps1', 'tools.psm1']);
    const typo = await linted(folder, ['--ignore-pattern', '0[3-8]*', '--ignore-pattern', 'legacy/', folder]);
    assert.equal(typo.code, 0, 'a pattern that matched nothing is a warning: the exit code is unchanged');
    assert.equal(typo.stderr, 'lync-pic: warning: --ignore-pattern "legacy/" matched no file\n');
  });

  it('matches ignore patterns the way .gitignore does', () => {
    const ignored = (path: string, ...patterns: string[]) => new IgnoreList(patterns).ignores(path);
    assert.ok(ignored('scripts/legacy/old.ps1', 'legacy'), 'a name at any depth, and a folder covers its content');
    assert.ok(ignored('scripts/legacy/old.ps1', 'legacy/'));
    assert.ok(!ignored('scripts/legacy.ps1', 'legacy.ps1/'), 'a trailing slash matches folders only');
    assert.ok(ignored('scripts/legacy/old.ps1', '**/old.ps1'));
    assert.ok(ignored('scripts/legacy/old.ps1', 'scripts/**/*.ps1'));
    assert.ok(!ignored('scripts/legacy/old.ps1', 'scripts/*.ps1'));
    assert.ok(!ignored('other/scripts/a.ps1', '/scripts'), 'a leading slash anchors to the base folder');
    assert.ok(!ignored('other/scripts/a.ps1', 'scripts/a.ps1'), 'so does an inner slash');
    assert.ok(ignored('a/b.ps1', '*.ps1'));
    assert.ok(!ignored('a/b.psm1', '*.ps1'));
    assert.ok(ignored('a/B.PS1', '*.ps1'), 'case is ignored, as on Windows');
    assert.ok(ignored('a/04-x.ps1', '0[3-8]*'));
    assert.ok(!ignored('a/02-x.ps1', '0[3-8]*'));
    assert.ok(ignored('a/x.psm1', '*.{ps1,psm1}'));
    assert.ok(!ignored('a/keep.ps1', '*.ps1', '!keep.ps1'), 'the last matching pattern decides');
    assert.ok(ignored('a/keep.ps1', '!keep.ps1', '*.ps1'));
    assert.ok(ignored('a/!odd.ps1', '\\!odd.ps1'), 'an escaped ! is a name');
    const list = new IgnoreList(['*.ps1', 'nothing-here/', '# a comment']);
    list.ignores('a/b.ps1');
    assert.deepEqual(list.unmatched(), ['nothing-here/']);
  });

  it('--timing reports each phase and the slowest rules on standard error, and leaves the output alone', async () => {
    const folder = project();
    const file = join(folder, 'scripts', 'pic.ps1');
    const { stdout, stderr, code } = await cli(['lint', '--timing', '--format', 'json', file, join(folder, 'scripts', 'legacy', 'old.ps1')]);
    assert.equal(code, 1);
    assert.equal((JSON.parse(stdout) as unknown[]).length, 2, 'standard output is the JSON report alone');
    assert.match(stderr, /^Timing of 2 files:/);
    const [phaseTable, ruleTable] = stderr.split('\n\n').map(tableRows);
    assert.deepEqual([...phaseTable.keys()], ['read', 'parse', 'bind', 'rules', 'output', 'other', 'total']);
    const total = phaseTable.get('total') ?? 0;
    const parts = [...phaseTable].filter(([name]) => name !== 'total').reduce((sum, [, ms]) => sum + ms, 0);
    assert.ok(Math.abs(total - parts) < 1, `the phases and "other" add up to the total (${parts} / ${total})`);
    const ruleMs = [...ruleTable.values()];
    assert.equal(ruleMs.length, 10, 'the ten slowest rules');
    assert.ok([...ruleTable.keys()].every((id) => RULES.some((r) => r.meta.id === id)));
    assert.deepEqual(
      ruleMs,
      [...ruleMs].sort((x, y) => y - x),
      'slowest first',
    );
    assert.equal((await cli(['lint', '--format', 'json', file])).stderr, '', 'no timing unless asked');
  });
});
