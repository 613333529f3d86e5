import { strict as assert } from 'node:assert';
import { mkdirSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';

async function cli(args: string[], stdin = ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin: () => stdin });
  return { code, stdout, stderr };
}

function tempFolder(files: Record<string, string | Buffer>): string {
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-cli-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(folder, name), content);
  return folder;
}

const WRONG_PROXY =
  'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n';

describe('lync-pic lint', () => {
  it('writes ESLint-shaped JSON with 1-based positions and exits 1 on errors', async () => {
    const folder = tempFolder({ 'a.ps1': WRONG_PROXY });
    const { code, stdout } = await cli(['lint', '--format', 'json', folder]);
    assert.equal(code, 1);
    const [report] = JSON.parse(stdout) as {
      filePath: string;
      errorCount: number;
      messages: { ruleId: string; severity: number; line: number; column: number; endColumn: number }[];
    }[];
    assert.equal(report.filePath, join(folder, 'a.ps1'));
    assert.equal(report.errorCount, 1);
    assert.deepEqual(
      report.messages.map((m) => [m.ruleId, m.severity, m.line, m.column, m.endColumn]),
      [['skype-proxy-fqdn', 2, 2, 49, 76]],
    );
  });

  it('exits 0 and says so on a clean script, read from standard input', async () => {
    const { code, stdout } = await cli(['lint', '-'], 'Get-CsPublicProvider\n');
    assert.equal(code, 0);
    assert.match(stdout, /No problems in 1 file/);
  });

  it('prints stylish output with the rule id', async () => {
    const { stdout } = await cli(['lint', '-'], WRONG_PROXY);
    assert.match(stdout, /2:49\s+error\s+The Skype provider's ProxyFqdn must be "?federation\.messenger\.msn\.com.*skype-proxy-fqdn/);
  });

  it("writes ESLint's whole result shape: fatal, fixable and info counts, and usedDeprecatedRules", async () => {
    const script = `${WRONG_PROXY}Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\nNew-CsPublicProvider -Identity Other -ProxyFqdn sip.example.com -Enabled $true\nGet-CsPublicProvider -Identity (\n`;
    const [report] = JSON.parse((await cli(['lint', '--format', 'json', '-'], script)).stdout) as Record<string, unknown>[];
    const messages = report.messages as { ruleId: string; severity: number; lyncPicSeverity: string; fatal?: boolean }[];
    assert.deepEqual(
      messages.map((m) => [m.ruleId, m.severity, m.lyncPicSeverity, m.fatal ?? false]),
      [
        ['skype-proxy-fqdn', 2, 'error', false],
        ['partner-discovery-routing', 1, 'warning', false],
        ['unguarded-new-provider', 1, 'info', false],
        ['syntax-error', 2, 'error', true],
        ['syntax-error', 2, 'error', true],
      ],
    );
    const counts = Object.fromEntries(Object.entries(report).filter(([key]) => key !== 'filePath' && key !== 'messages'));
    assert.equal(report.filePath, '<stdin>');
    // skype-proxy-fqdn has a safe fix (--fix repairs it); partner-discovery-routing has none.
    assert.deepEqual(counts, {
      errorCount: 3,
      fatalErrorCount: 2,
      warningCount: 1,
      fixableErrorCount: 1,
      fixableWarningCount: 0,
      infoCount: 1,
      usedDeprecatedRules: [],
    });
  });

  it('counts errors, warnings and info notes apart in the stylish summary', async () => {
    const script = `${WRONG_PROXY}Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\nNew-CsPublicProvider -Identity Other -ProxyFqdn sip.example.com -Enabled $true\n`;
    assert.match((await cli(['lint', '-'], script)).stdout, /\n3 problems \(1 error, 1 warning, 1 info note\) in 1 file\.\n$/);
    const oneWarning = await cli(['lint', '-'], 'Set-CsAccessEdgeConfiguration -EnablePartnerDiscovery $true\n');
    assert.match(oneWarning.stdout, /\n1 problem \(0 errors, 1 warning, 0 info notes\) in 1 file\.\n$/);
  });

  it('says nothing of "no problems" when nothing could be linted, and names what could not be', async () => {
    const folder = tempFolder({ 'good.ps1': 'Get-CsPublicProvider\n' });
    const missing = await cli(['lint', join(folder, 'missing.ps1')]);
    assert.equal(missing.code, 2);
    assert.equal(missing.stdout, '', 'no "No problems in 0 files." beside the error');
    assert.equal(missing.stderr, `lync-pic: ${join(folder, 'missing.ps1')}: no such file or folder\n`);
    const some = await cli(['lint', join(folder, 'good.ps1'), join(folder, 'missing.ps1')]);
    assert.equal(some.stdout, 'No problems in 1 file; 1 input could not be linted.\n');
  });

  it('reports an invalid .lync-pic.json once, however many scripts it covers', async () => {
    const folder = tempFolder({ '.lync-pic.json': '{"target": "lync2099"}', 'a.ps1': 'Get-CsPublicProvider\n', 'b.ps1': 'Get-CsPublicProvider\n' });
    mkdirSync(join(folder, 'sub'));
    writeFileSync(join(folder, 'sub', 'c.ps1'), 'Get-CsPublicProvider\n');
    const result = await cli(['lint', folder]);
    assert.equal(result.code, 2);
    assert.equal(
      result.stderr,
      `lync-pic: ${join(folder, '.lync-pic.json')}: "target" must be one of any, lync2010, lync2013, sfb2015, sfb2019, sfbse, teams\n`,
    );
    assert.equal(result.stdout, '');
  });

  it('applies --target', async () => {
    const script = 'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled $true\n';
    const any = await cli(['lint', '--format=json', '-'], script);
    const lync2010 = await cli(['lint', '--format=json', '--target', 'lync2010', '-'], script);
    const rules = (out: string) => (JSON.parse(out) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
    assert.deepEqual(rules(any.stdout), ['skype-routing-domain', 'skype-excluded-domains']);
    assert.deepEqual(rules(lync2010.stdout), []);
  });

  it('exits 2 with a one-line reason for bad usage and unreadable input, and lints the rest', async () => {
    const folder = tempFolder({ 'good.ps1': 'Get-CsPublicProvider\n', 'binary.ps1': Buffer.from([0x4d, 0x5a, 0x00, 0x01, 0x02]) });
    const empty = tempFolder({ 'notes.txt': 'x' });
    const result = await cli(['lint', '--format', 'json', folder, join(folder, 'missing.ps1'), empty]);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /binary\.ps1: is a binary file/);
    assert.match(result.stderr, /missing\.ps1: no such file or folder/);
    assert.match(result.stderr, /holds no \.ps1 or \.psm1 script/);
    assert.deepEqual(
      (JSON.parse(result.stdout) as { filePath: string }[]).map((r) => r.filePath),
      [join(folder, 'good.ps1')],
    );
    assert.doesNotMatch(result.stderr, /\n\s+at /, 'no stack trace');
    for (const args of [['lint'], ['lint', '--target', 'lync2099', 'x.ps1'], ['frobnicate'], ['lint', '--bogus', 'x.ps1']]) {
      assert.equal((await cli(args)).code, 2, args.join(' '));
    }
  });

  it('--fix writes the safe fixes, reports what is left, and changes nothing on a second run', async () => {
    const script =
      'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled true -Force $true -VerificationLevel AlwaysVerified\n';
    const folder = tempFolder({ 'a.ps1': script });
    const file = join(folder, 'a.ps1');
    const first = await cli(['lint', '--fix', '--format', 'json', file]);
    const fixed = readFileSync(file, 'utf8');
    assert.equal(
      fixed,
      'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled $true -Force:$true -VerificationLevel AlwaysVerified' +
        ' -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n',
    );
    // The enumeration name has only an unsafe fix: it is left for the user, and still reported.
    const left = (JSON.parse(first.stdout) as { messages: { ruleId: string }[] }[])[0].messages.map((m) => m.ruleId);
    assert.deepEqual(left, ['invalid-value']);
    assert.equal(first.code, 1);
    await cli(['lint', '--fix', file]);
    assert.equal(readFileSync(file, 'utf8'), fixed);
  });

  it('reads rule severities and the target from the nearest .lync-pic.json, and refuses a bad one', async () => {
    const folder = tempFolder({ '.lync-pic.json': JSON.stringify({ target: 'lync2010', rules: { 'unguarded-new-provider': 'error' } }) });
    mkdirSync(join(folder, 'scripts'));
    const file = join(folder, 'scripts', 'a.ps1');
    writeFileSync(file, 'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled 1\n');
    const result = await cli(['lint', '--format', 'json', file]);
    const [report] = JSON.parse(result.stdout) as { errorCount: number; messages: { ruleId: string; severity: number }[] }[];
    assert.deepEqual(
      report.messages.map((m) => [m.ruleId, m.severity]),
      [['unguarded-new-provider', 2]],
    );
    assert.equal(result.code, 1);
    const overridden = await cli(['lint', '--format', 'json', '--target', 'sfb2019', file]);
    assert.ok((JSON.parse(overridden.stdout) as { messages: { ruleId: string }[] }[])[0].messages.some((m) => m.ruleId === 'skype-directory-search'));

    writeFileSync(join(folder, '.lync-pic.json'), '{"rules": {"no-such-rule": "off"}}');
    const bad = await cli(['lint', file]);
    assert.equal(bad.code, 2);
    assert.match(bad.stderr, /\.lync-pic\.json: unknown rule "no-such-rule"/);
  });
});
