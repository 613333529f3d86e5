import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { LintResult } from '../../server/src/engine/lint';
import { lintText } from '../helpers';

/** "line:rule" of every finding, hints included, in document order. */
const found = (result: LintResult): string[] => result.findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`);

describe('Microsoft Teams as a context, decided per command', () => {
  it("checks a Teams script's Cs commands against the Teams module: a misspelt parameter is reported", async () => {
    const result = await lintText('Connect-MicrosoftTeams\nSet-CsExternalAccessPolicy -Identity Global -EnabledFederationAccess $true\n');
    assert.deepEqual(found(result), ['2:unknown-parameter']);
    assert.match(result.findings[0].message, /Did you mean -EnableFederationAccess\b/);
    assert.equal(result.bound[0].cmdlet.module, 'teams');
  });

  it('judges the commands before the connection, and the cmdlets Teams does not have, as the server ones', async () => {
    const text = [
      'Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true',
      'Connect-MicrosoftTeams',
      'New-CsPublicProvider -Identity Skype -ProxyFqdn sip.example.com -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"',
      'Set-CsExternalAccessPolicy -Identity Global -EnableTeamsConsumerAccess $true',
    ].join('\n');
    const result = await lintText(text);
    assert.deepEqual(
      result.bound.map((b) => `${b.cmdlet.name}@${b.cmdlet.module}`),
      ['Set-CsExternalAccessPolicy@skype', 'New-CsPublicProvider@skype', 'Set-CsExternalAccessPolicy@teams'],
    );
    assert.ok(found(result).includes('3:skype-proxy-fqdn'), found(result).join());
    assert.ok(!found(result).some((f) => f.startsWith('1:') || f.startsWith('4:')), found(result).join());
  });

  it('follows module-qualified names, and knows Import-PSSession of an online session as a connection', async () => {
    const qualified = await lintText(
      'MicrosoftTeams\\Set-CsExternalAccessPolicy -Identity Global -AllowPublicUsers $true\nSkypeForBusiness\\Set-CsExternalAccessPolicy -Identity Global -EnableTeamsConsumerAccess $true\n',
    );
    assert.deepEqual(
      qualified.bound.map((b) => b.cmdlet.module),
      ['teams', 'skype'],
    );
    assert.deepEqual(found(qualified), ['1:unknown-parameter', '2:version-unavailable-parameter']);
    const session = await lintText('$s = New-CsOnlineSession\nImport-PSSession $s\nGet-CsTeamsMeetingPolicy -Identity Global\n');
    assert.deepEqual(found(session), []);
    assert.equal(session.bound.at(-1)?.cmdlet.module, 'teams');
  });

  it('says once that an unmarked script looks like a Teams script, and the target teams marks it', async () => {
    const text = 'Get-CsTeamsMeetingPolicy -Identity Global\nSet-CsExternalAccessPolicy -Identity Global -EnableTeamsConsumerAccess $true\n';
    const unmarked = await lintText(text);
    assert.deepEqual(found(unmarked), ['1:teams-context']);
    assert.match(unmarked.findings[0].message, /looks like a Microsoft Teams script/);
    assert.deepEqual(found(await lintText(`# lync-pic: target=teams\n${text}`)), []);
    assert.deepEqual(found(await lintText(text, { target: 'teams' })), []);
    // Named as a server script, the same parameter is a mistake of that script.
    assert.deepEqual(found(await lintText(text, { target: 'sfb2019' })), ['1:version-unavailable-cmdlet', '2:version-unavailable-parameter']);
  });

  it('suggests cmdlets of both modules for a misspelt name in a Teams script', async () => {
    const result = await lintText('Connect-MicrosoftTeams\nGet-CsTeamsMeetingPolcy -Identity Global\n');
    assert.deepEqual(found(result), ['2:unknown-cmdlet']);
    assert.match(result.findings[0].message, /Did you mean Get-CsTeamsMeetingPolicy/);
  });

  it('says when the Teams module dropped a parameter or a cmdlet, from the history of the reference', async () => {
    const text = [
      'Connect-MicrosoftTeams',
      'Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true',
      'Set-CsTenantFederationConfiguration -AllowPublicUsers $true',
      'Get-CsTeamsRecordingRollOutPolicy',
    ].join('\n');
    const result = await lintText(text);
    assert.deepEqual(found(result), ['2:unknown-parameter', '3:unknown-parameter', '4:unknown-cmdlet']);
    assert.match(result.findings[0].message, /dropped -EnablePublicCloudAccess: Microsoft's reference removed it on 2025-05-12 \(commit [0-9a-f]{8}\)/);
    assert.match(result.findings[1].message, /dropped -AllowPublicUsers: Microsoft's reference removed it on 2025-05-12/);
    assert.match(result.findings[2].message, /dropped Get-CsTeamsRecordingRollOutPolicy: Microsoft's reference removed its page on 2025-10-13/);
    // The same parameter is still valid on the server, before the connection.
    assert.deepEqual(found(await lintText('Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true\n')), []);
  });
});
