import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import type { TargetVersion } from '../../server/src/engine/catalog';
import { getCatalog } from '../../server/src/engine/catalog';
import { setSyntax } from '../../server/src/engine/describe';
import { hover, type HoverResult } from '../../server/src/engine/hover';
import type { Linter } from '../../server/src/engine/lint';
import { LineIndex } from '../../server/src/engine/text';
import { getLinter } from '../helpers';

/** Marks the character hovered in test scripts (a character PowerShell never uses). */
const CURSOR = '¦';

let linter: Linter;
before(async () => {
  linter = await getLinter();
});

function hoverAt(marked: string, target: TargetVersion = 'any'): HoverResult | undefined {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return hover(linter, text, new LineIndex(text).positionAt(offset), target);
}

const DOCUMENTED_SFB = 'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled $true';

describe('hover on a cmdlet', () => {
  it('gives the summary, the syntax, the versions and the link to the official page', () => {
    const result = hoverAt(`New-Cs¦PublicProvider -Identity Skype`);
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
    const md = result.markdown;
    assert.match(md, /^\*\*New-CsPublicProvider\*\*/);
    assert.match(md, /Adds a public IM provider/);
    assert.match(md, /```powershell\nNew-CsPublicProvider \[-Identity\] <XdsGlobalRelativeIdentity> -Enabled <Boolean> -ProxyFqdn <String>/);
    assert.match(md, /\[-VerificationLevel <VerificationLevelType>\]/);
    assert.match(md, /\[-Force\]/);
    assert.match(md, /\[<CommonParameters>\]\n```/);
    assert.match(md, /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    assert.match(
      md,
      /\[Official reference: New-CsPublicProvider\]\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/new-cspublicprovider\)/,
    );
  });

  it('works on the first character, in any case, and in a command that does not parse', () => {
    assert.ok(hoverAt('¦new-cspublicprovider -Identity Skype'));
    assert.ok(hoverAt('¦New-CsPublicProvider -'));
    assert.ok(hoverAt('Get-CsPublicProvider | Set-CsPublic¦Provider -Enabled $false'));
  });

  it('shows one syntax block per parameter set, labelled', () => {
    const md = hoverAt('Set-CsAccess¦EdgeConfiguration')?.markdown ?? '';
    for (const set of ['Identity', 'Instance', 'DefaultRoute', 'DnsSrvRouting']) assert.match(md, new RegExp(`# Parameter set: ${set}\\n`));
    const dnsSrv = md.slice(md.indexOf('# Parameter set: DnsSrvRouting'));
    assert.match(dnsSrv, /\[-UseDnsSrvRouting\]/);
    assert.doesNotMatch(dnsSrv, /UseDefaultRouting/);
  });

  it('builds the syntax from the catalogue: positional first, then required, then optional, and wraps long lines', () => {
    const cmdlet = getCatalog().cmdlet('New-CsPublicProvider');
    assert.ok(cmdlet);
    const syntax = setSyntax(cmdlet, '__AllParameterSets', 'lync2010');
    assert.ok(syntax.startsWith('New-CsPublicProvider [-Identity] <XdsGlobalRelativeIdentity> -Enabled <Boolean> -ProxyFqdn <String>\n    [-Confirm]'), syntax);
    assert.doesNotMatch(syntax, /IconUrl/, 'Lync Server 2010 has no IconUrl');
    assert.ok(syntax.split('\n').every((line) => line.length <= 100));
    assert.ok(
      syntax
        .split('\n')
        .slice(1)
        .every((line) => line.startsWith('    ')),
    );
  });

  it('shows the syntax of the target version and says when the cmdlet is missing there', () => {
    const md = hoverAt('New-Cs¦PublicProvider', 'lync2010')?.markdown ?? '';
    assert.doesNotMatch(md, /-IconUrl/);
    assert.match(md, /Parameters shown: those of Lync Server 2010/);
  });

  it('describes the other cmdlets by their facts alone (syntax, versions, official page), and ignores other commands', () => {
    const md = hoverAt('Get-Cs¦User -Identity x')?.markdown ?? '';
    assert.match(md, /^\*\*Get-CsUser\*\*\n\n```powershell\nGet-CsUser \[\[-Identity\] <UserIdParameter>\]/, 'no summary: the syntax follows the name');
    assert.match(md, /Versions: Lync Server 2010, .*Skype for Business Server Subscription Edition/);
    assert.match(md, /\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/get-csuser\)/);
    assert.equal(hoverAt('Get-Child¦Item'), undefined);
    assert.equal(hoverAt('# New-Cs¦PublicProvider'), undefined);
    assert.equal(hoverAt('Write-Host "New-Cs¦PublicProvider"'), undefined);
    assert.equal(hoverAt('<#\n.EXAMPLE\nNew-Cs¦PublicProvider -Identity Skype\n#>'), undefined);
    assert.ok(hoverAt('<#\n.EXAMPLE\n#>\nNew-Cs¦PublicProvider -Identity Skype'));
  });
});

describe('hover on a parameter', () => {
  it('gives type, required or not, summary and versions', () => {
    const result = hoverAt('New-CsPublicProvider -Identity Skype -Ena¦bled $true');
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 0, character: 37 }, end: { line: 0, character: 45 } });
    assert.match(result.markdown, /^\*\*-Enabled\*\* · `Boolean` · required/);
    assert.match(result.markdown, /Parameter of New-CsPublicProvider\. Whether federation/);
    assert.match(result.markdown, /`\$true` or `\$false`/);
    assert.match(result.markdown, /Versions: Lync Server 2010/);
  });

  it('lists the allowed values of an enum', () => {
    const md = hoverAt('Set-CsPublicProvider -Identity Skype -Verification¦Level 2')?.markdown ?? '';
    assert.match(md, /Allowed values: `AlwaysVerifiable`, `AlwaysUnverifiable`, `UseSourceVerification`/);
    assert.match(md, /Parameter sets:\n- Identity: optional, named\n- Instance: optional, named\n/);
  });

  it('gives the documented value and the version gap against the target', () => {
    const md = hoverAt('New-CsPublicProvider -Identity Skype -Icon¦Url x', 'lync2010')?.markdown ?? '';
    assert.match(md, /Documented value: `https:\/\/images\.edge\.messenger\.live\.com\/Messenger_16x16\.png`/);
    assert.match(md, /\*\*Not available on Lync Server 2010\*\*/);
    assert.match(md, /Versions: Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    assert.doesNotMatch(hoverAt('New-CsPublicProvider -Identity Skype -Icon¦Url x', 'sfb2015')?.markdown ?? '', /Not available/);
    assert.match(
      hoverAt('# lync-pic: target=lync2010\nNew-CsPublicProvider -Identity Skype -Icon¦Url x', 'sfb2015')?.markdown ?? '',
      /Not available on Lync Server 2010/,
    );
  });

  it('resolves prefixes and aliases, and excludes the colon from the range', () => {
    assert.match(hoverAt('New-CsPublicProvider -Pro¦x x')?.markdown ?? '', /^\*\*-ProxyFqdn\*\*/);
    const colon = hoverAt('Set-CsPublicProvider -Identity Skype -Ena¦bled:$false');
    assert.deepEqual(colon?.range, { start: { line: 0, character: 37 }, end: { line: 0, character: 45 } });
    assert.match(hoverAt('Remove-CsPublicProvider -Identity Skype -c¦f')?.markdown ?? '', /^\*\*-Confirm\*\*/);
  });

  it('describes common parameters and says when a prefix is ambiguous', () => {
    assert.match(hoverAt('Get-CsPublicProvider -Error¦Action Stop')?.markdown ?? '', /common parameter[\s\S]*SilentlyContinue/);
    assert.match(hoverAt('Set-CsAccessEdgeConfiguration -U¦se')?.markdown ?? '', /ambiguous[\s\S]*-UseDefaultRouting[\s\S]*-UseDnsSrvRouting/);
    assert.equal(hoverAt('New-CsPublicProvider -Nope¦x 1'), undefined);
  });

  it('works on a parameter written with an en dash', () => {
    assert.match(hoverAt('Set-CsPublicProvider -Identity Skype \u2013Ena¦bled $true')?.markdown ?? '', /^\*\*-Enabled\*\*/);
  });
});

describe('hover on a VerificationLevel number', () => {
  it('names the level the number stands for, and says it is an inference', () => {
    const result = hoverAt('New-CsPublicProvider -Identity Skype -VerificationLevel ¦2 -Enabled 1');
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 0, character: 56 }, end: { line: 0, character: 57 } });
    assert.match(result.markdown, /probably means `UseSourceVerification`/);
    assert.match(result.markdown, /No Microsoft page gives the numeric values/);
    assert.match(result.markdown, /inference, not a documented fact/);
    assert.match(result.markdown, /0 AlwaysVerifiable, 1 AlwaysUnverifiable, 2 UseSourceVerification/);
  });

  it('reads 0 and 1 and the colon form, and says when no name matches', () => {
    assert.match(hoverAt('Set-CsPublicProvider -Identity Skype -VerificationLevel ¦0')?.markdown ?? '', /`AlwaysVerifiable`/);
    assert.match(hoverAt('Set-CsPublicProvider -Identity Skype -VerificationLevel:¦1')?.markdown ?? '', /`AlwaysUnverifiable`/);
    assert.match(hoverAt('Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -DiscoveredPartnerVerificationLevel ¦1')?.markdown ?? '', /`AlwaysUnverifiable`/);
    assert.match(hoverAt('Set-CsPublicProvider -Identity Skype -VerificationLevel ¦7')?.markdown ?? '', /no documented name matches/);
  });

  it('gives no hover on other values', () => {
    assert.equal(hoverAt(`${DOCUMENTED_SFB.replace('Skype', 'Sk¦ype')}`), undefined);
    assert.equal(hoverAt('Set-CsPublicProvider -Identity Skype -Enabled ¦1'), undefined);
    assert.equal(hoverAt('Set-CsPublicProvider -Identity Skype -VerificationLevel ¦AlwaysVerifiable'), undefined);
  });
});

describe('hover outside federation (Set-CsUser)', () => {
  const SCRIPT = 'Set-CsUser -Identity "sip:kenmyer@contoso.com" -EnterpriseVoiceEnabled $true -LineURI "tel:+14255550100"';
  const at = (word: string, target: TargetVersion = 'any'): HoverResult | undefined => {
    const offset = SCRIPT.indexOf(word) + 2;
    return hoverAt(`${SCRIPT.slice(0, offset)}¦${SCRIPT.slice(offset)}`, target);
  };

  it('gives the syntax of Set-CsUser, its versions and the link to its page, and no prose', () => {
    const result = at('Set-CsUser');
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
    assert.equal(
      result.markdown,
      [
        '**Set-CsUser**',
        '',
        '```powershell',
        'Set-CsUser [-Identity] <UserIdParameter> [-AcpInfo <AcpInfo>] [-AudioVideoDisabled <Boolean>]',
        '    [-Confirm] [-DomainController <Fqdn>] [-Enabled <Boolean>] [-EnterpriseVoiceEnabled <Boolean>]',
        '    [-ExchangeArchivingPolicy <ExchangeArchivingPolicyOptionsEnum>] [-HostedVoiceMail <Boolean>]',
        '    [-LineServerURI <String>] [-LineURI <String>] [-PassThru] [-PrivateLine <String>]',
        '    [-RemoteCallControlTelephonyEnabled <Boolean>] [-SipAddress <String>] [-WhatIf]',
        '    [<CommonParameters>]',
        '```',
        '',
        'Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019, Skype for Business Server Subscription Edition',
        '',
        '[Official reference: Set-CsUser](https://learn.microsoft.com/powershell/module/skypeforbusiness/set-csuser)',
      ].join('\n'),
    );
  });

  it('reads a name qualified with the Skype module, not one of the Teams module', () => {
    const qualified = hoverAt('SkypeForBusiness\\Set-Cs¦User -Identity x');
    assert.match(qualified?.markdown ?? '', /```powershell\nSet-CsUser \[-Identity\] <UserIdParameter>/);
    assert.deepEqual(qualified?.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 27 } });
    assert.match(hoverAt('Lync\\Set-CsUser -Identity x -Enterprise¦VoiceEnabled $true')?.markdown ?? '', /^\*\*-EnterpriseVoiceEnabled\*\* · `Boolean`/);
    assert.equal(hoverAt('MicrosoftTeams\\Set-CsUser -Identity x -Enterprise¦VoiceEnabled $true'), undefined);
  });

  it('gives the syntax of the target version', () => {
    const md = at('Set-CsUser', 'lync2010')?.markdown ?? '';
    assert.match(md, /Parameters shown: those of Lync Server 2010/);
    assert.doesNotMatch(md, /ExchangeArchivingPolicy/);
  });

  it('describes -EnterpriseVoiceEnabled: type, optional, the values, the versions', () => {
    const result = at('-EnterpriseVoiceEnabled');
    assert.ok(result);
    assert.deepEqual(result.range, { start: { line: 0, character: 47 }, end: { line: 0, character: 70 } });
    assert.match(result.markdown, /^\*\*-EnterpriseVoiceEnabled\*\* · `Boolean` · optional\n\nParameter of Set-CsUser\.\n/);
    assert.match(result.markdown, /Values: `\$true` or `\$false`/);
    assert.match(result.markdown, /Usage: optional, named\n/);
    assert.match(result.markdown, /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
  });

  it('describes -LineURI as an optional String, -Identity as required at position 0 from the pipeline, and an alias', () => {
    assert.match(at('-LineURI')?.markdown ?? '', /^\*\*-LineURI\*\* · `String` · optional\n/);
    const identity = at('-Identity')?.markdown ?? '';
    assert.match(identity, /^\*\*-Identity\*\* · `UserIdParameter` · required · position 0\n/);
    assert.match(identity, /Usage: required, position 0, accepts pipeline input\n/);
    assert.match(hoverAt('Set-CsUser -Identity x -CsEna¦bled $true')?.markdown ?? '', /^\*\*-Enabled\*\*[\s\S]*Aliases: `-CsEnabled`/);
  });

  it('says when a parameter is missing on the target version', () => {
    const md = hoverAt('Set-CsUser -Identity x -ExchangeArch¦ivingPolicy ArchivingToExchange', 'lync2010')?.markdown ?? '';
    assert.match(md, /\*\*Not available on Lync Server 2010\*\* \(the target version\)/);
    assert.match(md, /Versions: Lync Server 2013, Skype for Business Server 2015/);
  });

  it('lists the allowed values of an enum outside federation', () => {
    const md = hoverAt('Set-CsBusyOptions -Identity x -Action¦Type BusyOnBusy')?.markdown ?? '';
    assert.match(md, /Allowed values: `BusyOnBusy`, `VoicemailOnBusy`/);
    assert.match(md, /Versions: Skype for Business Server 2015, Skype for Business Server 2019, Skype for Business Server Subscription Edition$/);
  });

  it('gives required and position per set, and marks the default set', () => {
    const md = hoverAt('Grant-CsVoicePolicy -Policy¦Name x')?.markdown ?? '';
    assert.match(md, /^\*\*-PolicyName\*\* · `String` · optional · position per set\n/);
    assert.match(md, /Parameter sets:\n- Identity \(default\): optional \([^)]*\), position 1\n- GrantToTenant: optional \([^)]*\), position 0\n/);
    assert.match(hoverAt('Grant-Cs¦VoicePolicy')?.markdown ?? '', /# Parameter set: Identity \(default\)\n[\s\S]*# Parameter set: GrantToTenant\n/);
  });
});
