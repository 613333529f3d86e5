import { strict as assert } from 'node:assert';
import { describe, it } from 'node:test';
import type { TargetVersion } from '../../server/src/engine/catalog';
import { lineRules, lintText } from '../helpers';

// Quoted exactly as Microsoft's setup pages render them (see the facts note, section 1).
const SFB_COMMAND =
  'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -IconUrl https://images.edge.messenger.live.com/Messenger_16x16.png -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -Enabled $true -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true';
const LYNC2013_COMMAND =
  'New-CsPublicProvider -ProxyFqdn federation.messenger.msn.com -Enabled 1 -Identity Skype  -VerificationLevel 2 -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" -IconUrl "https://images.edge.messenger.live.com/Messenger_16x16.png"';
const REMOVE_FIRST = 'Remove-CsPublicProvider -Identity Skype';

const cases: [string, string, TargetVersion[]][] = [
  ['Skype for Business Server', SFB_COMMAND, ['any', 'sfb2015', 'sfb2019']],
  ['Lync Server 2013', LYNC2013_COMMAND, ['any', 'lync2013']],
];

describe('the documented Skype provider commands', () => {
  for (const [name, command, targets] of cases) {
    for (const target of targets) {
      it(`${name} lints clean with target ${target}`, async () => {
        assert.deepEqual(lineRules(await lintText(`${REMOVE_FIRST}\n${command}\n`, { target })), []);
      });
    }
  }

  it('are still judged: a one-letter change in the documented command is reported', async () => {
    const broken = SFB_COMMAND.replace('federation.messenger.msn.com', 'federation.messenger.msn.net');
    assert.deepEqual(lineRules(await lintText(`${REMOVE_FIRST}\n${broken}`, { target: 'sfb2019' })), ['2:skype-proxy-fqdn']);
  });
});
