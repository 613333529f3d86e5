import { strict as assert } from 'node:assert';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { run } from '../../server/src/cli/main';
import { generateScript } from '../../server/src/engine/generate';
import { documentedSkypeProviderCommand } from '../../server/src/engine/skype';
import { lintText } from '../helpers';

async function cli(args: string[]): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await run(args, { stdout: (t) => (stdout += t + '\n'), stderr: (t) => (stderr += t + '\n'), readStdin: () => '' });
  return { code, stdout, stderr };
}

const REQUIRED = ['--target', 'sfb2019', '--edge-fqdn', 'sip.contoso.com', '--sip-domain', 'contoso.com'];

describe('lync-pic generate', () => {
  it('writes the script to standard output, exactly what the engine generates, and it lints clean', async () => {
    const { code, stdout, stderr } = await cli(['generate', ...REQUIRED]);
    assert.equal(code, 0, stderr);
    assert.equal(stderr, '');
    const expected = generateScript({
      target: 'sfb2019',
      edgeFqdn: 'sip.contoso.com',
      sipDomains: ['contoso.com'],
      partnerDiscovery: false,
      federationAccess: false,
      audioVideo: false,
      policy: { kind: 'global' },
    });
    assert.equal(stdout, expected);
    assert.ok(stdout.includes(documentedSkypeProviderCommand('sfb2019')));
    assert.deepEqual((await lintText(stdout, { target: 'sfb2019' })).findings, []);
  });

  it('maps every option onto the answers', async () => {
    const { code, stdout } = await cli([
      'generate',
      '--target=lync2013',
      '--edge-fqdn',
      'sip.contoso.com',
      '--sip-domain',
      'contoso.com',
      '--sip-domain=fabrikam.com',
      '--replace',
      'Messenger',
      '--policy',
      'user:SkypeUsers',
      '--grant',
      'kenmyer@contoso.com',
      '--grant',
      'Pilar Ackerman',
      '--partner-discovery',
      '--audio-video',
      '--federation-access',
    ]);
    assert.equal(code, 0);
    const expected = generateScript({
      target: 'lync2013',
      edgeFqdn: 'sip.contoso.com',
      sipDomains: ['contoso.com', 'fabrikam.com'],
      partnerDiscovery: true,
      federationAccess: true,
      audioVideo: true,
      policy: { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com', 'Pilar Ackerman'] },
      replace: 'Messenger',
    });
    assert.equal(stdout, expected);
    assert.match(stdout, /^Grant-CsExternalAccessPolicy -Identity 'Pilar Ackerman' -PolicyName 'SkypeUsers'$/m);
    assert.match(stdout, /^Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery \$true$/m);
    assert.match(stdout, /^Set-CsMediaConfiguration -EncryptionLevel SupportEncryption$/m);
  });

  it('writes the file named by --out and nothing to standard output', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lync-pic-generate-')), 'skype.ps1');
    const { code, stdout, stderr } = await cli(['generate', ...REQUIRED, '--policy', 'site:Redmond', '--out', file]);
    assert.equal(code, 0, stderr);
    assert.equal(stdout, '');
    const text = readFileSync(file, 'utf8');
    assert.match(text, /^Set-CsExternalAccessPolicy -Identity 'site:Redmond' -EnablePublicCloudAccess \$true$/m);
    assert.ok(
      text.endsWith(
        "}\n\n# 6. Read back the result\nGet-CsAccessEdgeConfiguration\nGet-CsExternalAccessPolicy -Identity 'site:Redmond'\nGet-CsPublicProvider -Identity 'Skype'\n",
      ),
    );
  });

  it('prints the suffix-match warning on standard error and still writes the script', async () => {
    const { code, stdout, stderr } = await cli(['generate', ...REQUIRED, '--sip-domain', 'fabrikam.com']);
    assert.equal(code, 0);
    assert.match(stderr, /^lync-pic: warning: The Access Edge FQDN sip\.contoso\.com is not a top-level suffix match of the SIP domain fabrikam\.com/);
    assert.match(stdout, /^# WARNING: /m);
  });

  it('exits 2 with one "lync-pic: <reason>" line per invalid answer, and writes nothing', async () => {
    const file = join(mkdtempSync(join(tmpdir(), 'lync-pic-generate-')), 'never.ps1');
    const { code, stdout, stderr } = await cli([
      'generate',
      '--target',
      'any',
      '--edge-fqdn',
      'sip.contoso.com; Remove-CsUser',
      '--sip-domain',
      'contoso.com',
      '--policy',
      'user:$(Remove-CsUser)',
      '--grant',
      "x'; Remove-CsUser",
      '--replace',
      'Skype`n',
      '--out',
      file,
    ]);
    assert.equal(code, 2);
    assert.equal(stdout, '');
    assert.ok(!existsSync(file));
    const lines = stderr.trimEnd().split('\n');
    assert.equal(lines.length, 5, stderr);
    assert.ok(
      lines.every((l) => l.startsWith('lync-pic: ')),
      stderr,
    );
    assert.match(stderr, /target version "any" is not one of/);
    assert.match(stderr, /Access Edge FQDN "sip\.contoso\.com; Remove-CsUser" contains ';'/);
    assert.match(stderr, /policy name "\$\(Remove-CsUser\)" contains '\$'/);
    assert.match(stderr, /user "x'; Remove-CsUser" contains '''/);
    assert.match(stderr, /provider identity "Skype`n" contains '`'/);
  });

  it('reports missing answers', async () => {
    const { code, stderr } = await cli(['generate']);
    assert.equal(code, 2);
    assert.match(stderr, /target version is missing/);
    assert.match(stderr, /Access Edge FQDN is missing/);
    assert.match(stderr, /At least one SIP domain is needed/);
    const grant = await cli(['generate', ...REQUIRED, '--grant', 'kenmyer@contoso.com']);
    assert.equal(grant.code, 2);
    assert.match(grant.stderr, /granted only a user policy/);
  });

  it('exits 2 with the usage for unknown options, missing values and repeated single options', async () => {
    for (const args of [
      [...REQUIRED, '--bogus'],
      [...REQUIRED, '--out'],
      [...REQUIRED, '--target', 'lync2013'],
      [...REQUIRED, 'stray'],
      ['--edge-fqdn', '--target', 'sfb2019'],
    ]) {
      const { code, stderr } = await cli(['generate', ...args]);
      assert.equal(code, 2, args.join(' '));
      assert.match(stderr, /^lync-pic: .*\n\nUsage: lync-pic generate/, args.join(' '));
    }
  });

  it('documents every option in --help, and the command in the main usage', async () => {
    const { code, stdout } = await cli(['generate', '--help']);
    assert.equal(code, 0);
    for (const option of [
      '--target',
      '--edge-fqdn',
      '--sip-domain',
      '--replace',
      '--policy',
      'global',
      'site:<',
      'user:<',
      '--grant',
      '--partner-discovery',
      '--audio-video',
      '--federation-access',
      '--out',
      '--help',
      'Exit codes',
    ]) {
      assert.ok(stdout.includes(option), `--help lacks ${option}`);
    }
    assert.match((await cli(['--help'])).stdout, /generate\s+write the Skype connectivity script/);
  });

  it('the example of --help works', async () => {
    const help = (await cli(['generate', '--help'])).stdout;
    const example = /Example:\n\s+lync-pic generate (--target[^]*?skype\.ps1)/.exec(help)?.[1];
    assert.ok(example);
    const file = join(mkdtempSync(join(tmpdir(), 'lync-pic-generate-')), 'skype.ps1');
    const args = example
      .replace(/\\\n\s*/g, '')
      .split(/\s+/)
      .map((a) => (a === 'skype.ps1' ? file : a));
    const { code, stderr } = await cli(['generate', ...args]);
    assert.equal(code, 0, stderr);
    assert.deepEqual((await lintText(readFileSync(file, 'utf8'), { target: 'sfb2019' })).findings, []);
  });
});
