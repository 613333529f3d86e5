import { strict as assert } from 'node:assert';
import { existsSync, mkdirSync, mkdtempSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { cleanReport } from '../helpers';

/**
 * The CLI on inputs that are not plain UTF-8 scripts: unreadable, binary, empty, Latin-1, UTF-16. Unreadable input is
 * one clear line and exit code 2, never a stack trace, and the other files are still linted. (The tests run as root,
 * where a file with mode 000 is still readable: unreadable inputs are a link to nowhere, a folder named *.ps1, a
 * file whose read fails, and a device.)
 */
async function cli(args: string[], readStdin: () => string = () => ''): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin });
  return { code, stdout, stderr };
}

function folder(files: Record<string, string | Buffer>): string {
  const dir = mkdtempSync(join(tmpdir(), 'lync-pic-inputs-'));
  for (const [name, content] of Object.entries(files)) writeFileSync(join(dir, name), content);
  return dir;
}

type Report = { filePath: string; messages: { ruleId: string; line: number; column: number }[] };

const BAD_LINE =
  'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"';
/** One finding, skype-proxy-fqdn, on its second line. */
const BAD_PROXY = `Remove-CsPublicProvider -Identity Skype\n${BAD_LINE}`;

function assertNoStackTrace(stderr: string): void {
  assert.doesNotMatch(stderr, /\n\s+at |internal error/, `no stack trace, no internal error:\n${stderr}`);
}

describe('lync-pic lint on awkward inputs', () => {
  it('reports a link to nowhere and a folder named *.ps1 with exit 2, and lints the other files', async () => {
    const dir = folder({ 'good.ps1': `${BAD_PROXY}\n` });
    symlinkSync(join(dir, 'missing-target.ps1'), join(dir, 'dangling.ps1'));
    mkdirSync(join(dir, 'empty-folder.ps1'));
    const result = await cli(['lint', '--format', 'json', dir, join(dir, 'empty-folder.ps1'), join(dir, 'dangling.ps1')]);
    assert.equal(result.code, 2);
    assertNoStackTrace(result.stderr);
    // Found inside the folder, and named on the command line: one clear line each.
    assert.match(result.stderr, /dangling\.ps1: is a link to a file that does not exist/);
    assert.match(result.stderr, /empty-folder\.ps1: the folder holds no \.ps1 or \.psm1 script/);
    assert.match(result.stderr, /dangling\.ps1: no such file or folder/);
    const reports = JSON.parse(result.stdout) as Report[];
    assert.deepEqual(
      reports.map((r) => [r.filePath, r.messages.map((m) => m.ruleId)]),
      [[join(dir, 'good.ps1'), ['skype-proxy-fqdn']]],
    );
  });

  it('follows a link to a script', async () => {
    const dir = folder({ 'target.txt': `${BAD_PROXY}\n` });
    symlinkSync(join(dir, 'target.txt'), join(dir, 'linked.ps1'));
    const result = await cli(['lint', '--format', 'json', dir]);
    assert.deepEqual(
      (JSON.parse(result.stdout) as Report[]).map((r) => [r.filePath, r.messages.map((m) => m.ruleId)]),
      [[join(dir, 'linked.ps1'), ['skype-proxy-fqdn']]],
    );
  });

  it('says so when a file cannot be read, or is a device, without hanging', { skip: !existsSync('/proc/self/mem') && 'needs Linux /proc' }, async () => {
    const dir = folder({ 'good.ps1': 'Get-CsPublicProvider\n' });
    // Reading /proc/self/mem from its start fails (EIO), even for root; /dev/zero never ends.
    const result = await cli(['lint', '--format', 'json', '/proc/self/mem', '/dev/zero', dir]);
    assert.equal(result.code, 2);
    assertNoStackTrace(result.stderr);
    assert.match(result.stderr, /^lync-pic: \/proc\/self\/mem: cannot be read \(E[A-Z]+\)$/m);
    assert.match(result.stderr, /^lync-pic: \/dev\/zero: is not a regular file$/m);
    assert.deepEqual(
      (JSON.parse(result.stdout) as Report[]).map((r) => r.filePath),
      [join(dir, 'good.ps1')],
    );
  });

  it('says so when standard input cannot be read', async () => {
    const result = await cli(['lint', '-'], () => {
      throw Object.assign(new Error('resource temporarily unavailable'), { code: 'EAGAIN' });
    });
    assert.equal(result.code, 2);
    assertNoStackTrace(result.stderr);
    assert.match(result.stderr, /^lync-pic: <stdin>: cannot be read \(EAGAIN\)$/m);
  });

  it('refuses a binary file and lints an empty one', async () => {
    const dir = folder({ 'tool.ps1': Buffer.from([0x4d, 0x5a, 0x90, 0x00, 0x03, 0x00, 0xff, 0xfe]), 'empty.ps1': '' });
    const result = await cli(['lint', '--format', 'json', dir]);
    assert.equal(result.code, 2);
    assertNoStackTrace(result.stderr);
    assert.match(result.stderr, /tool\.ps1: is a binary file, not a PowerShell script/);
    assert.deepEqual(JSON.parse(result.stdout), [cleanReport(join(dir, 'empty.ps1'))]);
  });

  it('reads Latin-1 (Windows-1252) and UTF-16 files with a byte-order mark, with the right columns', async () => {
    // A comment with é before the mistake: columns count characters, not bytes.
    const script = `# Fédération\r\n${BAD_PROXY.replace('\n', '\r\n')}\r\n`;
    const utf16le = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(script, 'utf16le')]);
    const utf16be = Buffer.from(Buffer.concat([Buffer.from([0xfe, 0xff]), Buffer.from(script, 'utf16le').swap16()]));
    const dir = folder({
      'latin1.ps1': Buffer.from(script, 'latin1'),
      'utf16be.ps1': utf16be,
      'utf16le.ps1': utf16le,
      'utf8bom.ps1': Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(script, 'utf8')]),
    });
    const result = await cli(['lint', '--format', 'json', dir]);
    assert.equal(result.code, 1);
    assert.equal(result.stderr, '');
    const column = BAD_LINE.indexOf('federation') + 1;
    const reports = JSON.parse(result.stdout) as Report[];
    assert.equal(reports.length, 4);
    for (const report of reports) {
      assert.deepEqual(
        report.messages.map((m) => [m.ruleId, m.line, m.column]),
        [['skype-proxy-fqdn', 3, column]],
        report.filePath,
      );
    }
  });
});
