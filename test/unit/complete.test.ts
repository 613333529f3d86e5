import { strict as assert } from 'node:assert';
import { before, describe, it } from 'node:test';
import { Catalog, type TargetVersion } from '../../server/src/engine/catalog';
import { ENCODED_CATALOG } from '../../server/src/engine/catalog/data.generated';
import { complete, resolveCompletion, type CompletionCandidate, type CompletionOptions } from '../../server/src/engine/complete';
import type { Linter } from '../../server/src/engine/lint';
import { LineIndex, type Position } from '../../server/src/engine/text';
import { ScriptAtPositions } from '../../server/src/engine/command-at';
import { getLinter } from '../helpers';

/** The cursor in test scripts (a character PowerShell never uses, unlike `|`). */
const CURSOR = '¦';

function atCursor(marked: string): { text: string; position: Position } {
  const offset = marked.indexOf(CURSOR);
  assert.ok(offset >= 0, `no ${CURSOR} in ${marked}`);
  const text = marked.slice(0, offset) + marked.slice(offset + 1);
  return { text, position: new LineIndex(text).positionAt(offset) };
}

let linter: Linter;
before(async () => {
  linter = await getLinter();
});

function completeAt(marked: string, target: TargetVersion = 'any', options: CompletionOptions = {}): CompletionCandidate[] {
  const { text, position } = atCursor(marked);
  return complete(linter, text, position, target, options);
}

function labels(candidates: readonly CompletionCandidate[], kind?: CompletionCandidate['kind']): string[] {
  return candidates.filter((c) => !kind || c.kind === kind).map((c) => c.label);
}

/** The catalogue's own parameters offered (common parameters left out). */
function ownParameters(candidates: readonly CompletionCandidate[]): string[] {
  return candidates
    .filter((c) => c.kind === 'parameter' && c.detail !== 'common parameter')
    .map((c) => c.label)
    .sort();
}

describe('completion of cmdlet names', () => {
  it('offers the catalogued cmdlets with their summary, replacing the word being typed', () => {
    const candidates = completeAt('New-Cs¦');
    const provider = candidates.find((c) => c.label === 'New-CsPublicProvider');
    assert.ok(provider);
    assert.equal(provider.kind, 'cmdlet');
    assert.match(provider.detail ?? '', /public IM provider/);
    assert.match(provider.documentation ?? '', /Official reference/);
    assert.deepEqual(provider.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 6 } });
    assert.equal(provider.insertText, 'New-CsPublicProvider');
  });

  it('offers the other Cs cmdlets of the module after the catalogued ones', () => {
    const candidates = completeAt('Get-CsU¦');
    const user = candidates.find((c) => c.label === 'Get-CsUser');
    const provider = candidates.find((c) => c.label === 'Get-CsPublicProvider');
    assert.ok(user && provider);
    assert.ok(provider.sortText < user.sortText);
    // Every cmdlet of the module is catalogued now; only the federation ones carry a summary of the project's own.
    assert.equal(user.detail, 'Skype for Business Server cmdlet');
  });

  it('completes at the start of a command after a pipe, an assignment, a brace or a parenthesis', () => {
    for (const marked of ['Get-CsPublicProvider | Rem¦', '$p = Get¦', 'if ($true) { Set-Cs¦ }', '$x = (Get-Cs¦)']) {
      assert.ok(labels(completeAt(marked)).includes('Remove-CsPublicProvider'), marked);
    }
  });

  it('offers nothing for arguments of commands it does not know, in comments or in strings', () => {
    assert.deepEqual(completeAt('Write-Host -¦'), []);
    assert.deepEqual(completeAt('# New-Cs¦'), []);
    assert.deepEqual(completeAt('New-CsPublicProvider -Identity Skype # -¦'), []);
    assert.deepEqual(completeAt('Write-Host "New-Cs¦'), []);
    assert.deepEqual(completeAt('$x = $y -¦'), []);
  });

  it('offers nothing inside a block comment, a here-string or a string spanning lines, and works after them', () => {
    assert.deepEqual(completeAt('<#\n.EXAMPLE\nNew-CsPublicProvider -¦\n#>'), []);
    assert.deepEqual(completeAt('$script = @"\nNew-CsPublicProvider -¦\n"@'), []);
    assert.deepEqual(completeAt("$s = 'first line\nNew-CsPublicProvider -¦'"), []);
    assert.ok(labels(completeAt('<# help #>\n$s = @"\nx\n"@\n# it\'s done\nNew-CsPublicProvider -¦')).includes('-ProxyFqdn'));
  });

  it('does not pop up a cmdlet list when a space or a dollar sign was typed', () => {
    assert.deepEqual(completeAt('   ¦', 'any', { triggerCharacter: ' ' }), []);
    assert.deepEqual(completeAt('$¦', 'any', { triggerCharacter: '$' }), []);
  });
});

describe('completion of parameters', () => {
  it('offers the parameters after a lone dash, which does not parse (the tolerant scan)', () => {
    const candidates = completeAt('New-CsPublicProvider -¦');
    assert.deepEqual(ownParameters(candidates), [
      '-Confirm',
      '-EnableSkypeDirectorySearch',
      '-EnableSkypeIdRouting',
      '-Enabled',
      '-Force',
      '-IconUrl',
      '-Identity',
      '-InMemory',
      '-NameDecorationDomain',
      '-NameDecorationExcludedDomainList',
      '-NameDecorationRoutingDomain',
      '-ProxyFqdn',
      '-VerificationLevel',
      '-WhatIf',
    ]);
    const enabled = candidates.find((c) => c.label === '-Enabled');
    assert.equal(enabled?.detail, 'Boolean · required');
    assert.deepEqual(enabled?.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 22 } });
    assert.equal(candidates.find((c) => c.label === '-IconUrl')?.detail, 'String · optional');
    assert.ok(labels(candidates).includes('-ErrorAction'), 'common parameters come too');
  });

  it('puts required parameters first and common parameters last', () => {
    const sorted = [...completeAt('New-CsPublicProvider -¦')].sort((a, b) => (a.sortText < b.sortText ? -1 : 1)).map((c) => c.label);
    assert.deepEqual(sorted.slice(0, 3), ['-Enabled', '-Identity', '-ProxyFqdn']);
    assert.equal(sorted.at(-1), '-WarningVariable');
  });

  it('leaves out the parameters already given, before and after the position', () => {
    const offered = ownParameters(completeAt('New-CsPublicProvider -Identity Skype -¦ -Enabled $true'));
    assert.ok(!offered.includes('-Identity'));
    assert.ok(!offered.includes('-Enabled'));
    assert.ok(offered.includes('-ProxyFqdn'));
  });

  it('does not count the parameter being typed as given', () => {
    const candidates = completeAt('New-CsPublicProvider -Identity Skype -Prox¦');
    assert.ok(labels(candidates).includes('-ProxyFqdn'));
    const proxy = candidates.find((c) => c.label === '-ProxyFqdn');
    assert.deepEqual(proxy?.range, { start: { line: 0, character: 37 }, end: { line: 0, character: 42 } });
  });

  it('leaves out common parameters already given', () => {
    assert.ok(!labels(completeAt('Get-CsPublicProvider -ErrorAction Stop -¦')).includes('-ErrorAction'));
  });

  it('offers only the parameters of the sets still possible', () => {
    const dnsSrv = ownParameters(completeAt('Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -¦'));
    assert.ok(dnsSrv.includes('-EnablePartnerDiscovery'));
    for (const defaultRouteOnly of ['-UseDefaultRouting', '-DefaultRouteFqdn', '-IsPublicProvider', '-VerificationLevel', '-Instance']) {
      assert.ok(!dnsSrv.includes(defaultRouteOnly), defaultRouteOnly);
    }
    const defaultRoute = ownParameters(completeAt('Set-CsAccessEdgeConfiguration -UseDefaultRouting -¦'));
    assert.ok(defaultRoute.includes('-DefaultRouteFqdn'));
    assert.ok(!defaultRoute.includes('-EnablePartnerDiscovery'));
  });

  it('says in which set a parameter is required when that depends on the set', () => {
    const all = completeAt('Set-CsPublicProvider -¦');
    const instance = all.find((c) => c.label === '-Instance');
    assert.ok(instance);
    assert.match(instance.detail ?? '', /^PSObject · /);
  });

  it('offers only the parameters the target version has', () => {
    const lync2010 = ownParameters(completeAt('New-CsPublicProvider -Identity Skype -¦', 'lync2010'));
    assert.ok(!lync2010.includes('-IconUrl'));
    assert.ok(!lync2010.includes('-EnableSkypeIdRouting'));
    assert.ok(lync2010.includes('-ProxyFqdn'));
    const lync2013 = ownParameters(completeAt('New-CsPublicProvider -Identity Skype -¦', 'lync2013'));
    assert.ok(lync2013.includes('-IconUrl'));
    assert.ok(!lync2013.includes('-EnableSkypeIdRouting'));
    assert.ok(ownParameters(completeAt('New-CsPublicProvider -Identity Skype -¦', 'sfb2019')).includes('-EnableSkypeIdRouting'));
  });

  it('never offers parameters no on-premises server has', () => {
    const offered = ownParameters(completeAt('Grant-CsExternalAccessPolicy -¦'));
    assert.ok(!offered.includes('-Group'));
    assert.ok(!offered.includes('-Rank'));
  });

  it('follows the in-file target comment over the setting', () => {
    const offered = ownParameters(completeAt('# lync-pic: target=lync2010\nNew-CsPublicProvider -Identity Skype -¦', 'sfb2019'));
    assert.ok(!offered.includes('-IconUrl'));
    assert.ok(!ownParameters(completeAt('<#\n lync-pic: target=lync2010\n#>\nNew-CsPublicProvider -Identity Skype -¦')).includes('-IconUrl'));
    assert.ok(
      ownParameters(completeAt('Write-Host "# lync-pic: target=lync2010"\nNew-CsPublicProvider -Identity Skype -¦')).includes('-IconUrl'),
      'not a comment',
    );
  });

  it('leaves out the parameters a splatted hashtable gives', () => {
    const offered = ownParameters(completeAt('$p = @{ Identity = "Skype"; ProxyFqdn = "x" }\nNew-CsPublicProvider @p -Ena¦'));
    assert.ok(offered.includes('-Enabled'));
    assert.ok(!offered.includes('-Identity'));
    assert.ok(!offered.includes('-ProxyFqdn'));
  });

  it('works across backtick continuations', () => {
    const offered = ownParameters(completeAt('New-CsPublicProvider -Identity Skype `\n  -Enabled $true `\n  -¦'));
    assert.ok(!offered.includes('-Identity'));
    assert.ok(!offered.includes('-Enabled'));
    assert.ok(offered.includes('-ProxyFqdn'));
  });

  it('works on a command in a pipeline and in a script block', () => {
    assert.ok(labels(completeAt('Get-CsPublicProvider | Set-CsPublicProvider -Ena¦')).includes('-Enabled'));
    assert.ok(labels(completeAt('Invoke-Command { New-CsPublicProvider -Identity Skype -¦ }')).includes('-ProxyFqdn'));
  });

  it('replaces an en dash with a plain dash', () => {
    const candidate = completeAt('New-CsPublicProvider \u2013Ena¦').find((c) => c.label === '-Enabled');
    assert.equal(candidate?.insertText, '-Enabled ');
    assert.deepEqual(candidate?.range, { start: { line: 0, character: 21 }, end: { line: 0, character: 25 } });
  });

  it('inserts a space and asks for values after a parameter whose values it can complete', () => {
    const candidates = completeAt('New-CsPublicProvider -¦');
    assert.equal(candidates.find((c) => c.label === '-Enabled')?.retrigger, true);
    assert.equal(candidates.find((c) => c.label === '-ProxyFqdn')?.insertText, '-ProxyFqdn ');
    assert.equal(candidates.find((c) => c.label === '-Force')?.insertText, '-Force');
    assert.equal(candidates.find((c) => c.label === '-Force')?.retrigger, undefined);
  });

  it('offers parameters after a space only when asked, not on the space trigger', () => {
    assert.ok(labels(completeAt('New-CsPublicProvider -Identity Skype ¦')).includes('-ProxyFqdn'));
    assert.deepEqual(completeAt('New-CsPublicProvider -Identity Skype ¦', 'any', { triggerCharacter: ' ' }), []);
  });

  it('offers nothing right before another token', () => {
    assert.deepEqual(completeAt('New-CsPublicProvider ¦-Identity Skype'), []);
  });
});

describe('completion of values', () => {
  it('offers $true and $false after a Boolean parameter, also on the space trigger', () => {
    const candidates = completeAt('New-CsPublicProvider -Identity Skype -Enabled ¦', 'any', { triggerCharacter: ' ' });
    assert.deepEqual(labels(candidates), ['$true', '$false']);
    assert.equal(candidates[0].kind, 'value');
    assert.deepEqual(candidates[0].range, { start: { line: 0, character: 46 }, end: { line: 0, character: 46 } });
  });

  it('replaces a half-typed $ value', () => {
    const [first] = completeAt('Set-CsPublicProvider -Identity Skype -Enabled $t¦', 'any', { triggerCharacter: '$' });
    assert.equal(first.label, '$true');
    assert.deepEqual(first.range, { start: { line: 0, character: 46 }, end: { line: 0, character: 48 } });
  });

  it('offers $true/$false after the colon of a switch, and nothing after a switch without one', () => {
    assert.deepEqual(labels(completeAt('Remove-CsPublicProvider -Identity Skype -Confirm:¦')), ['$true', '$false']);
    assert.deepEqual(labels(completeAt('Set-CsPublicProvider -Identity Skype -Enabled:¦')), ['$true', '$false']);
    assert.ok(!labels(completeAt('Remove-CsPublicProvider -Identity Skype -Force ¦')).includes('$true'));
  });

  it('offers the enum names, in the documented order', () => {
    const candidates = completeAt('Set-CsPublicProvider -Identity Skype -VerificationLevel ¦');
    assert.deepEqual(labels(candidates), ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification']);
    assert.ok(candidates.every((c) => c.valueKind === 'enum'));
    assert.deepEqual(labels(completeAt('Set-CsMediaConfiguration -EncryptionLevel ¦')), ['SupportEncryption', 'RequireEncryption', 'DoNotSupportEncryption']);
  });

  it('marks UseSourceVerification deprecated for a public provider on Skype for Business Server', () => {
    const sfb = completeAt('New-CsPublicProvider -VerificationLevel ¦', 'sfb2015');
    const deprecated = sfb.find((c) => c.label === 'UseSourceVerification');
    assert.equal(deprecated?.deprecated, true);
    assert.ok(deprecated.sortText > (sfb.find((c) => c.label === 'AlwaysUnverifiable')?.sortText ?? ''));
    assert.equal(completeAt('New-CsPublicProvider -VerificationLevel ¦', 'lync2013').find((c) => c.label === 'UseSourceVerification')?.deprecated, undefined);
    assert.equal(completeAt('New-CsHostingProvider -VerificationLevel ¦', 'sfb2015').find((c) => c.label === 'UseSourceVerification')?.deprecated, undefined);
  });

  it('offers the documented Skype values for New-CsPublicProvider', () => {
    const expected: Record<string, string> = {
      ProxyFqdn: 'federation.messenger.msn.com',
      NameDecorationRoutingDomain: 'msn.com',
      NameDecorationExcludedDomainList: '"msn.com,outlook.com,live.com,hotmail.com"',
      IconUrl: 'https://images.edge.messenger.live.com/Messenger_16x16.png',
      Identity: 'Skype',
    };
    for (const [parameter, value] of Object.entries(expected)) {
      const candidates = completeAt(`New-CsPublicProvider -${parameter} ¦`);
      assert.deepEqual(labels(candidates), [value], parameter);
      assert.equal(candidates[0].valueKind, 'documented');
      assert.equal(candidates[0].insertText, value);
    }
  });

  it('offers the documented value when the value is half typed, in the colon form, and with an abbreviated parameter', () => {
    const [candidate] = completeAt('New-CsPublicProvider -Identity Skype -ProxyFqdn fed¦ -Enabled $true');
    assert.equal(candidate.label, 'federation.messenger.msn.com');
    assert.deepEqual(candidate.range, { start: { line: 0, character: 48 }, end: { line: 0, character: 51 } });
    assert.deepEqual(labels(completeAt('New-CsPublicProvider -ProxyFqdn:¦')), ['federation.messenger.msn.com']);
    assert.deepEqual(labels(completeAt('New-CsPublicProvider -NameDecorationR ¦')), ['msn.com']);
  });

  it('offers nothing for parameters whose values it cannot know', () => {
    assert.deepEqual(completeAt('New-CsPublicProvider -NameDecorationDomain ¦'), []);
    assert.deepEqual(completeAt('Set-CsPublicProvider -ProxyFqdn ¦'), []);
  });

  it('offers the values between the quotes of a quoted value, replacing what is typed there', () => {
    const [level] = completeAt('Set-CsPublicProvider -Identity Skype -VerificationLevel "Al¦"');
    assert.equal(level.label, 'AlwaysVerifiable');
    assert.equal(level.insertText, 'AlwaysVerifiable');
    assert.deepEqual(level.range, { start: { line: 0, character: 57 }, end: { line: 0, character: 59 } });
    assert.deepEqual(labels(completeAt("New-CsPublicProvider -ProxyFqdn '¦'")), ['federation.messenger.msn.com']);
    // The list is documented as one quoted string: between quotes it comes without its own.
    const [list] = completeAt('New-CsPublicProvider -NameDecorationExcludedDomainList "msn¦');
    assert.equal(list.insertText, 'msn.com,outlook.com,live.com,hotmail.com');
    assert.deepEqual(list.range, { start: { line: 0, character: 56 }, end: { line: 0, character: 59 } }, 'an unclosed string: up to the line end');
    assert.deepEqual(labels(completeAt('New-CsPublicProvider -ProxyFqdn:"¦"')), ['federation.messenger.msn.com']);
  });

  it('offers no quoted $true/$false, and nothing in computed strings, strings over lines or strings that are not values', () => {
    assert.deepEqual(completeAt('New-CsPublicProvider -Enabled "¦"'), []);
    assert.deepEqual(completeAt('New-CsPublicProvider -ProxyFqdn "$prefix.¦"'), []);
    assert.deepEqual(completeAt('New-CsPublicProvider -ProxyFqdn "a`¦"'), []);
    assert.deepEqual(
      labels(completeAt("New-CsPublicProvider -ProxyFqdn '$not-a-variable ¦'")),
      ['federation.messenger.msn.com'],
      'single quotes do not expand',
    );
    assert.deepEqual(completeAt('New-CsPublicProvider -ProxyFqdn "fed `\n¦"'), []);
    assert.deepEqual(completeAt('New-CsPublicProvider "¦"'), [], 'a positional string');
    assert.deepEqual(completeAt('Write-Host -Object "¦"'), [], 'a command it does not know');
    assert.deepEqual(completeAt('"New-Cs¦"'), []);
    assert.deepEqual(completeAt('New-CsPublicProvider -Identity Skype # -ProxyFqdn "¦"'), [], 'in a comment');
  });

  it('offers the preference names of common parameters', () => {
    assert.ok(labels(completeAt('Get-CsPublicProvider -ErrorAction ¦')).includes('SilentlyContinue'));
  });
});

describe('completion for a cmdlet outside federation (Set-CsUser)', () => {
  it('offers -EnterpriseVoiceEnabled for Set-CsUser -Ent, a Boolean followed by a space and a request for values', () => {
    const candidates = completeAt('Set-CsUser -Identity "sip:kenmyer@contoso.com" -Ent¦');
    assert.deepEqual(
      labels(candidates).filter((l) => l.toLowerCase().startsWith('-ent')),
      ['-EnterpriseVoiceEnabled'],
    );
    const voice = candidates.find((c) => c.label === '-EnterpriseVoiceEnabled');
    assert.ok(voice);
    assert.equal(voice.kind, 'parameter');
    assert.equal(voice.detail, 'Boolean · optional');
    assert.equal(voice.insertText, '-EnterpriseVoiceEnabled ');
    assert.equal(voice.retrigger, true);
    assert.deepEqual(voice.range, { start: { line: 0, character: 47 }, end: { line: 0, character: 51 } });
    assert.match(voice.documentation ?? '', /^\*\*-EnterpriseVoiceEnabled\*\* · `Boolean` · optional\n\nParameter of Set-CsUser\./);
    assert.match(voice.documentation ?? '', /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    assert.deepEqual(labels(completeAt('Set-CsUser -Identity x -EnterpriseVoiceEnabled ¦', 'any', { triggerCharacter: ' ' })), ['$true', '$false']);
  });

  it('gives every parameter of Set-CsUser with its type, the required -Identity first with its position', () => {
    const candidates = completeAt('Set-CsUser -¦');
    assert.deepEqual(ownParameters(candidates), [
      '-AcpInfo',
      '-AudioVideoDisabled',
      '-Confirm',
      '-DomainController',
      '-Enabled',
      '-EnterpriseVoiceEnabled',
      '-ExchangeArchivingPolicy',
      '-HostedVoiceMail',
      '-Identity',
      '-LineServerURI',
      '-LineURI',
      '-PassThru',
      '-PrivateLine',
      '-RemoteCallControlTelephonyEnabled',
      '-SipAddress',
      '-WhatIf',
    ]);
    const identity = candidates.find((c) => c.label === '-Identity');
    assert.equal(identity?.detail, 'UserIdParameter · required · position 0');
    assert.equal([...candidates].sort((a, b) => (a.sortText < b.sortText ? -1 : 1))[0].label, '-Identity');
    const lineUri = candidates.find((c) => c.label === '-LineURI');
    assert.equal(lineUri?.detail, 'String · optional');
    assert.equal(lineUri.insertText, '-LineURI', 'no values to ask for');
    assert.ok(!ownParameters(completeAt('Set-CsUser -Identity x -LineURI "tel:+14255550100" -¦')).includes('-LineURI'));
  });

  it('completes after a name qualified with the Skype module (SkypeForBusiness\\, Lync\\), not the Teams one', () => {
    assert.ok(labels(completeAt('SkypeForBusiness\\Set-CsUser -Ent¦')).includes('-EnterpriseVoiceEnabled'));
    assert.ok(labels(completeAt('Lync\\Set-CsUser -Ent¦')).includes('-EnterpriseVoiceEnabled'));
    assert.deepEqual(completeAt('MicrosoftTeams\\Set-CsUser -Ent¦'), []);
  });

  it('follows the target version: -ExchangeArchivingPolicy is not offered for Lync Server 2010', () => {
    assert.ok(ownParameters(completeAt('Set-CsUser -¦', 'lync2013')).includes('-ExchangeArchivingPolicy'));
    assert.ok(!ownParameters(completeAt('Set-CsUser -¦', 'lync2010')).includes('-ExchangeArchivingPolicy'));
  });

  it('says which set a parameter belongs to when the sets still possible differ, and its position when it is the same in each', () => {
    const candidates = completeAt('Grant-CsVoicePolicy -¦');
    assert.equal(candidates.find((c) => c.label === '-Global')?.detail, 'SwitchParameter · optional · set GrantToTenant');
    assert.equal(candidates.find((c) => c.label === '-PolicyName')?.detail, 'String · optional', 'position 1 in one set, 0 in the other');
    assert.equal(completeAt('Grant-CsVoicePolicy -Global -¦').find((c) => c.label === '-PolicyName')?.detail, 'String · optional · position 0');
  });

  it('offers the enum names of a parameter outside federation', () => {
    assert.deepEqual(labels(completeAt('Set-CsBusyOptions -Identity x -ActionType ¦')), ['BusyOnBusy', 'VoicemailOnBusy']);
  });
});

describe('completion of cmdlet names over the whole module', () => {
  it('offers Set-CsUser with its detail, and describes it (syntax, versions, page) when it matches the typed prefix', () => {
    const candidates = completeAt('Set-CsUs¦');
    const user = candidates.find((c) => c.label === 'Set-CsUser');
    assert.ok(user);
    assert.equal(user.kind, 'cmdlet');
    assert.equal(user.detail, 'Skype for Business Server cmdlet');
    assert.deepEqual(user.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 8 } });
    assert.match(user.documentation ?? '', /^\*\*Set-CsUser\*\*\n\n```powershell\nSet-CsUser \[-Identity\] <UserIdParameter> /);
    assert.match(
      user.documentation ?? '',
      /\[Official reference: Set-CsUser\]\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser\)/,
    );
    assert.equal(user.resolve, undefined);
    // The whole module stays in the list: the editor filters it as more is typed.
    assert.ok(candidates.length > 800, String(candidates.length));
  });

  it('leaves the description of the many cmdlets a short prefix matches to resolveCompletion', () => {
    const user = completeAt('S¦').find((c) => c.label === 'Set-CsUser');
    assert.ok(user);
    assert.equal(user.documentation, undefined);
    assert.deepEqual(user.resolve, { cmdlet: 'Set-CsUser', target: 'any' });
    const markdown = resolveCompletion(linter, user.resolve);
    assert.match(markdown ?? '', /```powershell\nSet-CsUser \[-Identity\] <UserIdParameter> [\s\S]*\[<CommonParameters>\]\n```/);
    assert.match(markdown ?? '', /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    assert.match(markdown ?? '', /https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser\)/);
    assert.equal(resolveCompletion(linter, { cmdlet: 'Set-CsNoSuchThing', target: 'any' }), undefined);
  });

  it('resolves for the target version in force, the in-file comment included', () => {
    const user = completeAt('# lync-pic: target=lync2010\nS¦', 'sfb2019').find((c) => c.label === 'Set-CsUser');
    assert.deepEqual(user?.resolve, { cmdlet: 'Set-CsUser', target: 'lync2010' });
    const markdown = resolveCompletion(linter, user.resolve);
    assert.match(markdown ?? '', /Parameters shown: those of Lync Server 2010/);
    assert.doesNotMatch(markdown ?? '', /ExchangeArchivingPolicy/, 'Lync Server 2010 has no -ExchangeArchivingPolicy');
  });

  it('opens the list without decoding the cmdlets it does not describe', () => {
    const catalog = new Catalog([], [], ENCODED_CATALOG);
    const decoded: string[] = [];
    const cmdlet = catalog.cmdlet.bind(catalog);
    catalog.cmdlet = (name, module) => (decoded.push(name), cmdlet(name, module));
    const all = complete({ catalog }, 'Se', { line: 0, character: 2 });
    assert.ok(all.length > 800);
    assert.equal(decoded.length, 0, decoded.join(' '));
    complete({ catalog }, 'Set-CsUs', { line: 0, character: 8 });
    assert.ok(decoded.includes('Set-CsUser'), 'the few matching a longer prefix are');
    assert.ok(decoded.length <= 30, String(decoded.length));
    assert.ok(
      decoded.every((name) => name.toLowerCase().startsWith('set-csus')),
      decoded.join(' '),
    );
  });

  it('offers only the cmdlets the target version has, read without decoding them', () => {
    const names = (target: TargetVersion): string[] => labels(completeAt('Set-CsUserD¦', target));
    assert.ok(names('sfb2019').includes('Set-CsUserDelegates'));
    assert.ok(!names('sfb2015').includes('Set-CsUserDelegates'), 'Skype for Business Server 2019 on');
    assert.ok(names('lync2010').includes('Set-CsUserDatabaseState'));
    assert.ok(names('lync2010').includes('Set-CsUser'));
    // Every cmdlet of the module with no target, those of no on-premises server (Skype for Business Online) too.
    assert.ok(names('any').includes('Set-CsUserPstnSettings'));
    assert.ok(!names('sfb2019').includes('Set-CsUserPstnSettings'));
  });
});

describe('the command at a position', () => {
  it('tells a command after a `|` from one alone or first in its pipeline, at any depth', () => {
    const text = 'Get-CsUser -Filter x | Set-CsUser -Enabled $true\nSet-CsUser -Identity a\n$s = { Get-CsUser | Grant-CsExternalAccessPolicy }\n';
    const script = new ScriptAtPositions(text);
    assert.deepEqual(
      ['Get-CsUser -Filter', 'Set-CsUser -Enabled', 'Set-CsUser -Identity', 'Get-CsUser |', 'Grant-CsExternalAccessPolicy'].map((at) => {
        const word = at.split(' ')[0];
        const scan = script.commandAt(text.indexOf(at) + 2);
        assert.equal(scan.tokens[0]?.text, word, `the command at ${at}`);
        return scan.pipelineInput;
      }),
      [false, true, false, false, true],
    );
  });
});
