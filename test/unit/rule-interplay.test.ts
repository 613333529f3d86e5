import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import { lintText } from '../helpers';

/** "line:col rule: message" of the findings that are not hints. */
async function findings(text: string, target: 'any' | 'lync2010' | 'sfb2019' = 'any'): Promise<string[]> {
  const result = await lintText(text, { target });
  return result.findings.filter((f) => f.severity !== 'hint').map((f) => `${f.range.start.line + 1}:${f.range.start.character + 1} ${f.ruleId}: ${f.message}`);
}

describe('issue 18: findings that missed or came in the wrong order', () => {
  it('reports a second New-CsPublicProvider of the same Identity, not one after a removal', async () => {
    const text = [
      "if (Get-CsPublicProvider -Identity 'Fabrikam' -ErrorAction SilentlyContinue) { Remove-CsPublicProvider -Identity 'Fabrikam' -Confirm:$false }",
      'New-CsPublicProvider -Identity Fabrikam -ProxyFqdn sip.fabrikam.com -Enabled $true',
      'New-CsPublicProvider -Identity FABRIKAM -ProxyFqdn sip.fabrikam.com -Enabled $false',
      'Remove-CsPublicProvider -Identity Fabrikam -Confirm:$false',
      'New-CsPublicProvider -Identity Fabrikam -ProxyFqdn sip.fabrikam.com -Enabled $true',
    ].join('\n');
    assert.deepEqual(await findings(text), [
      '3:1 duplicate-new-provider: The public provider "FABRIKAM" was already created on line 2: this New-CsPublicProvider fails, because an Identity must be unique. Remove the provider first, or change it with Set-CsPublicProvider.',
    ]);
  });

  it('does not report New-CsPublicProvider -InMemory (Microsoft example 2) as unguarded or duplicate', async () => {
    const text = [
      '$x = New-CsPublicProvider -Identity "Fabrikam" -ProxyFqdn "proxy.fabrikam.com" -Enabled $true -InMemory',
      '$y = New-CsPublicProvider -Identity "Fabrikam" -ProxyFqdn "proxy.fabrikam.com" -Enabled $true -InMemory',
    ].join('\n');
    assert.deepEqual(await findings(text), []);
    assert.deepEqual(await findings(text.replace(/ -InMemory/g, '')), [
      '1:6 unguarded-new-provider: Running this script twice fails here: the provider "Fabrikam" exists after the first run. Remove it first when it exists, as the setup pages do.',
      '2:6 duplicate-new-provider: The public provider "Fabrikam" was already created on line 1: this New-CsPublicProvider fails, because an Identity must be unique. Remove the provider first, or change it with Set-CsPublicProvider.',
      '2:6 unguarded-new-provider: Running this script twice fails here: the provider "Fabrikam" exists after the first run. Remove it first when it exists, as the setup pages do.',
    ]);
  });

  it('on Lync Server 2010, Set-CsPublicProvider -EnableSkypeIdRouting is a version finding, not create-only', async () => {
    const text = 'Set-CsPublicProvider -Identity Skype -EnableSkypeIdRouting $true';
    assert.deepEqual(await findings(text, 'lync2010'), [
      '1:38 version-unavailable-parameter: -EnableSkypeIdRouting does not exist on Lync Server 2010: Set-CsPublicProvider never has it, and New-CsPublicProvider has it only on Skype for Business Server 2015, Skype for Business Server 2019, Skype for Business Server Subscription Edition.',
    ]);
    assert.deepEqual(await findings(text, 'sfb2019'), [
      '1:38 create-only-parameter: Set-CsPublicProvider cannot change -EnableSkypeIdRouting: only New-CsPublicProvider sets it. Remove the object and create it again with the new value.',
    ]);
  });

  it('quotes values in messages, so that blanks show', async () => {
    const text = [
      'New-CsPublicProvider -Identity Skype -ProxyFqdn "federation.messenger.msn.com " -Enabled $true -NameDecorationRoutingDomain "msn.com\t" -NameDecorationExcludedDomainList "msn.com,outlook.com" -IconUrl "http://x/y.png" # lync-pic-disable-line unguarded-new-provider',
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers "yes "',
    ].join('\n');
    assert.deepEqual(await findings(text, 'sfb2019'), [
      '1:1 skype-directory-search: The Skype for Business Server setup page also sets -EnableSkypeIdRouting $true and -EnableSkypeDirectorySearch $true: users can then find Skype users in the directory and reach them by Skype ID.',
      '1:49 skype-proxy-fqdn: The Skype provider\'s ProxyFqdn must be "federation.messenger.msn.com", not "federation.messenger.msn.com ": with any other value, messages to Skype users go nowhere and nothing tells you.',
      '1:125 skype-routing-domain: The Skype provider\'s NameDecorationRoutingDomain must be "msn.com", not "msn.com`t".',
      '1:170 skype-excluded-domains: The Skype provider\'s -NameDecorationExcludedDomainList lacks "live.com", "hotmail.com"; the documented list is "msn.com,outlook.com,live.com,hotmail.com".',
      '1:201 skype-icon-url: -IconUrl must be an absolute https URL; clients cannot load "http://x/y.png".',
      '2:52 invalid-value: -AllowFederatedUsers is a Boolean: write $true or $false (1 or 0 also work), not "yes ". PowerShell does not convert text to a Boolean parameter.',
    ]);
  });
});
