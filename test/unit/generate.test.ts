import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { availableOn, SERVER_VERSIONS, type ServerVersion } from '../../server/src/engine/catalog';
import {
  generateScript,
  isTopLevelSuffixMatch,
  parsePolicySpec,
  quote,
  validateAnswers,
  validateEdgeFqdn,
  validatePolicyName,
  validateProviderIdentity,
  validateSipDomain,
  validateSipDomainList,
  validateSiteName,
  validateUserIdentity,
  validateUserList,
  type Answers,
  type PolicyAnswer,
} from '../../server/src/engine/generate';
import { documentedSkypeProviderCommand } from '../../server/src/engine/skype';
import { getLinter, REPO_ROOT } from '../helpers';

const BASE: Answers = {
  target: 'sfb2019',
  edgeFqdn: 'sip.contoso.com',
  sipDomains: ['contoso.com'],
  partnerDiscovery: false,
  federationAccess: false,
  audioVideo: false,
  policy: { kind: 'global' },
};

const script = (changes: Partial<Answers> = {}): string => generateScript({ ...BASE, ...changes });

/** The lines of the numbered step whose comment title starts with `# <n>. <title>`. */
function step(text: string, title: string): string[] {
  const block = text.split('\n\n').find((b) => new RegExp(`^# \\d\\. ${title}`).test(b));
  assert.ok(block, `no step "${title}" in:\n${text}`);
  return block.split('\n');
}

/** The lines that are commands (not comments, not blank). */
const commandLines = (lines: readonly string[]): string[] => lines.filter((l) => l.trim() !== '' && !l.trimStart().startsWith('#'));

function errorsOf(raw: unknown): readonly string[] {
  const result = validateAnswers(raw);
  assert.ok('errors' in result, `expected errors for ${JSON.stringify(raw)}`);
  return result.errors;
}

describe('generateScript: the steps', () => {
  it('starts with a header: what it does, the answers, the provisioning checklist and the closed provisioning site', () => {
    const text = script({
      sipDomains: ['contoso.com', 'fabrikam.com'],
      replace: 'Messenger',
      policy: { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com'] },
    });
    const header = text.split('\n\n')[0];
    assert.match(header, /^# Lync-Skype connectivity .* for Skype for Business Server 2019\n/);
    assert.match(header, /^# lync-pic: target=sfb2019$/m, 'the in-file target makes the editor lint for the same version');
    assert.match(
      header,
      /What it does:\n# {3}1\. this header.*\n# {3}2\. .*DNS SRV.*\n# {3}3\. .*\n# {3}4\. .*\n# {3}5\. removes the public provider Messenger.*\n# {3}6\. creates the Skype public provider.*\n# {3}7\. shows/,
    );
    for (const answer of [
      'sfb2019 (Skype for Business Server 2019)',
      'sip.contoso.com',
      'contoso.com, fabrikam.com',
      'the user policy SkypeUsers, granted to kenmyer@contoso.com',
      'provider to replace:       Messenger',
    ]) {
      assert.ok(header.includes(answer), `header lacks ${answer}`);
    }
    for (const item of [
      'Microsoft Agreement Number',
      'Access Edge service FQDN: sip.contoso.com',
      'SIP domain(s): contoso.com, fabrikam.com',
      'Any additional Access Edge service FQDNs',
      'Contact information',
    ]) {
      assert.ok(header.includes(item), `checklist lacks ${item}`);
    }
    assert.match(header, /pic\.lync\.com\) closed on 8\/15\/2019/);
    assert.match(header, /partner discovery and on a federation DNS SRV record/);
    assert.deepEqual(commandLines(header.split('\n')), [], 'the header is comments only');
  });

  it('warns in the header when the Access Edge FQDN is not a top-level suffix match of a SIP domain', () => {
    const clean = script({ sipDomains: ['contoso.com'] });
    assert.doesNotMatch(clean, /WARNING/);
    const text = script({ sipDomains: ['contoso.com', 'fabrikam.com', 'it.contoso.com'] });
    const header = text.split('\n\n')[0];
    assert.match(header, /WARNING: The Access Edge FQDN sip\.contoso\.com is not a top-level suffix match of the SIP domain fabrikam\.com/);
    assert.match(header, /WARNING: .* SIP domain it\.contoso\.com/);
    assert.doesNotMatch(header, /SIP domain contoso\.com \(/);
    assert.ok(
      header.split('\n').every((line) => line.length <= 120),
      'wrapped',
    );
  });

  it('lists one _sipfederationtls._tcp SRV record per SIP domain, port 5061, to the Access Edge FQDN, as comments', () => {
    const lines = step(script({ sipDomains: ['contoso.com', 'fabrikam.com', 'litwareinc.com'] }), 'DNS records');
    assert.deepEqual(commandLines(lines), []);
    const records = lines.filter((l) => l.includes('_sipfederationtls._tcp.'));
    assert.deepEqual(
      records.map((l) => l.replace(/\s+/g, ' ')),
      ['contoso.com', 'fabrikam.com', 'litwareinc.com'].map((d) => `# _sipfederationtls._tcp.${d} SRV port 5061 -> sip.contoso.com`),
    );
  });

  it('turns federation on at the Access Edge, and DNS SRV routing with partner discovery only when chosen', () => {
    const off = commandLines(step(script(), 'Federation and public IM'));
    assert.deepEqual(off, ['Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true']);
    const on = commandLines(step(script({ partnerDiscovery: true }), 'Federation and public IM'));
    assert.deepEqual(on, [
      'Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true',
      'Set-CsAccessEdgeConfiguration -UseDnsSrvRouting -EnablePartnerDiscovery $true',
    ]);
  });

  it('sets the global policy to allow public IM, federation and audio/video as chosen', () => {
    assert.deepEqual(commandLines(step(script(), 'External access policy')), ["Set-CsExternalAccessPolicy -Identity 'Global' -EnablePublicCloudAccess $true"]);
    assert.deepEqual(commandLines(step(script({ federationAccess: true }), 'External access policy')), [
      "Set-CsExternalAccessPolicy -Identity 'Global' -EnablePublicCloudAccess $true -EnableFederationAccess $true",
    ]);
  });

  it('with audio/video, allows it in the policy and sets the media encryption the docs require', () => {
    const lines = commandLines(step(script({ audioVideo: true }), 'External access policy'));
    assert.deepEqual(lines, [
      "Set-CsExternalAccessPolicy -Identity 'Global' -EnablePublicCloudAccess $true -EnablePublicCloudAudioVideoAccess $true",
      'Set-CsMediaConfiguration -EncryptionLevel SupportEncryption',
    ]);
    assert.ok(commandLines(step(script({ audioVideo: true }), 'Read back')).includes('Get-CsMediaConfiguration'));
    assert.ok(!script().includes('Set-CsMediaConfiguration'));
  });

  it('creates a site policy when missing, then sets it', () => {
    const lines = commandLines(step(script({ policy: { kind: 'site', name: 'Redmond' } }), 'External access policy'));
    assert.deepEqual(lines, [
      "if (-not (Get-CsExternalAccessPolicy -Identity 'site:Redmond' -ErrorAction SilentlyContinue)) { New-CsExternalAccessPolicy -Identity 'site:Redmond' }",
      "Set-CsExternalAccessPolicy -Identity 'site:Redmond' -EnablePublicCloudAccess $true",
    ]);
  });

  it('creates a named user policy when missing, sets it and grants it to each user', () => {
    const policy: PolicyAnswer = { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com', 'sip:pilar@contoso.com', 'CONTOSO\\davidl'] };
    const lines = commandLines(step(script({ policy }), 'External access policy'));
    assert.deepEqual(lines, [
      "if (-not (Get-CsExternalAccessPolicy -Identity 'SkypeUsers' -ErrorAction SilentlyContinue)) { New-CsExternalAccessPolicy -Identity 'SkypeUsers' }",
      "Set-CsExternalAccessPolicy -Identity 'SkypeUsers' -EnablePublicCloudAccess $true",
      "Grant-CsExternalAccessPolicy -Identity 'kenmyer@contoso.com' -PolicyName 'SkypeUsers'",
      "Grant-CsExternalAccessPolicy -Identity 'sip:pilar@contoso.com' -PolicyName 'SkypeUsers'",
      "Grant-CsExternalAccessPolicy -Identity 'CONTOSO\\davidl' -PolicyName 'SkypeUsers'",
    ]);
    const none = step(script({ policy: { kind: 'user', name: 'SkypeUsers', grantTo: [] } }), 'External access policy');
    assert.ok(none.some((l) => l.startsWith('# Grant it to users with: Grant-CsExternalAccessPolicy')));
    assert.ok(commandLines(step(script({ policy }), 'Read back')).includes("Get-CsExternalAccessPolicy -Identity 'SkypeUsers'"));
  });

  it('removes an old provider only when asked, guarded so that the script can run again', () => {
    assert.doesNotMatch(script(), /\{ Remove-CsPublicProvider/);
    assert.doesNotMatch(script(), /Remove the existing public provider/);
    for (const identity of ['Messenger', 'Skype', 'LegacyPIC']) {
      const lines = commandLines(step(script({ replace: identity }), 'Remove the existing public provider'));
      assert.deepEqual(lines, [
        `if (Get-CsPublicProvider -Identity '${identity}' -ErrorAction SilentlyContinue) { Remove-CsPublicProvider -Identity '${identity}' -Confirm:$false }`,
      ]);
    }
  });

  for (const target of SERVER_VERSIONS) {
    it(`creates the Skype provider with the documented command for ${target}, after the removal`, () => {
      const documented = documentedSkypeProviderCommand(target);
      const replaced = script({ target, replace: 'Messenger' });
      assert.ok(replaced.includes(documented));
      assert.ok(replaced.indexOf('Remove-CsPublicProvider') < replaced.indexOf('New-CsPublicProvider'));
      // Re-run safe: an existing Skype provider is left alone, unless it is the one being replaced.
      const lines = commandLines(step(replaced, 'The Skype public provider'));
      assert.equal(lines[0], "if (Get-CsPublicProvider -Identity 'Skype' -ErrorAction SilentlyContinue) {");
      assert.equal(lines[3].trim(), documented);
      assert.deepEqual(commandLines(step(script({ target, replace: 'skype' }), 'The Skype public provider')), [documented]);
    });
  }

  it('uses only Lync Server 2010 parameters for Lync Server 2010, the documented Lync 2013 and SfB commands otherwise', () => {
    const lync2010 = script({ target: 'lync2010' });
    assert.doesNotMatch(lync2010, /^\s*New-CsPublicProvider.*(IconUrl|NameDecoration|EnableSkype)/m);
    assert.match(script({ target: 'lync2013' }), /^\s*New-CsPublicProvider .*-Enabled 1 .*-VerificationLevel 2 -NameDecorationRoutingDomain msn\.com/m);
    for (const target of ['sfb2015', 'sfb2019'] as const) {
      assert.match(script({ target }), /^\s*New-CsPublicProvider .*-Enabled \$true -EnableSkypeIdRouting \$true -EnableSkypeDirectorySearch \$true$/m);
    }
  });

  it('ends with read-back commands', () => {
    assert.deepEqual(commandLines(step(script(), 'Read back')), [
      'Get-CsAccessEdgeConfiguration',
      "Get-CsExternalAccessPolicy -Identity 'Global'",
      "Get-CsPublicProvider -Identity 'Skype'",
    ]);
    const text = script({ replace: 'Messenger' });
    assert.match(text, /\n# 7\. Read back the result\n[^]*\n$/);
    assert.ok(!text.includes('\r'), 'LF line endings');
  });

  it('numbers the steps in order, without a gap when nothing is removed', () => {
    const titles = (text: string): string[] =>
      text
        .split('\n')
        .filter((l) => /^# \d\. /.test(l))
        .map((l) => l.slice(2, 4));
    assert.deepEqual(titles(script({ replace: 'Messenger' })), ['2.', '3.', '4.', '5.', '6.', '7.']);
    assert.deepEqual(titles(script()), ['2.', '3.', '4.', '5.', '6.']);
  });

  it('refuses answers that do not validate, even when called directly', () => {
    assert.throws(() => generateScript({ ...BASE, sipDomains: ['contoso.com; Remove-CsUser'] }), /Invalid answers: The SIP domain/);
    assert.throws(() => generateScript({ ...BASE, policy: { kind: 'site', name: "x' ; Remove-CsUser -Identity 'y" } }), /Invalid answers/);
  });
});

describe('validateAnswers', () => {
  it('accepts minimal answers, fills the defaults and trims blanks', () => {
    const result = validateAnswers({ target: 'lync2013', edgeFqdn: ' sip.contoso.com ', sipDomains: 'contoso.com' });
    assert.ok('answers' in result);
    assert.deepEqual(result.answers, { ...BASE, target: 'lync2013' });
  });

  it('accepts the policy as the CLI writes it, with top-level grants', () => {
    const result = validateAnswers({ ...BASE, policy: 'user:SkypeUsers', grantTo: ['kenmyer@contoso.com'] });
    assert.ok('answers' in result);
    assert.deepEqual(result.answers.policy, { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com'] });
    assert.deepEqual(parsePolicySpec('site:Redmond'), { kind: 'site', name: 'Redmond' });
    assert.deepEqual(parsePolicySpec('GLOBAL'), { kind: 'global' });
    assert.ok('error' in parsePolicySpec('tag:Foo'));
  });

  it('reports every problem at once, with clear reasons', () => {
    const errors = errorsOf({ target: 'any', sipDomains: [], replace: 'a b', policy: 'site:', grantTo: ['x@y.com'], audioVideo: 'yes', colour: 'blue' });
    const expected = [
      /Unknown answer "colour"/,
      /target version "any" is not one of lync2010, lync2013, sfb2015, sfb2019/,
      /Access Edge FQDN is missing/,
      /At least one SIP domain/,
      /granted only a user policy/,
      /site policy needs a site name/,
      /provider identity "a b" contains a space/,
      /audioVideo must be true or false/,
    ];
    for (const pattern of expected)
      assert.ok(
        errors.some((e) => pattern.test(e)),
        `no error matches ${String(pattern)} in ${JSON.stringify(errors)}`,
      );
    assert.equal(errors.length, expected.length, JSON.stringify(errors));
    assert.deepEqual(errorsOf(null), ['The answers must be an object.']);
    assert.ok(errorsOf({ ...BASE, sipDomains: ['contoso.com', 'CONTOSO.com'] }).some((e) => /listed twice/.test(e)));
    assert.ok(errorsOf({ ...BASE, policy: 'user:Global' }).some((e) => /is the global policy/.test(e)));
  });

  it('checks FQDNs and domains as RFC 1123 host names', () => {
    for (const good of ['sip.contoso.com', 'SIP.Contoso.COM', 'a.b', '1sip.contoso.com', 'x-1.contoso.co', `${'a'.repeat(63)}.com`]) {
      assert.equal(validateEdgeFqdn(good), undefined, good);
      assert.equal(validateSipDomain(good), undefined, good);
    }
    const bad: [string, RegExp][] = [
      ['', /is empty/],
      ['contoso', /at least two labels/],
      ['sip..contoso.com', /empty label/],
      ['.contoso.com', /empty label/],
      ['contoso.com.', /trailing dot/],
      ['-sip.contoso.com', /starts or ends with a hyphen/],
      ['sip-.contoso.com', /starts or ends with a hyphen/],
      ['sip_fed.contoso.com', /contains '_'/],
      ['192.168.0.1', /all-numeric/],
      [`${'a'.repeat(64)}.com`, /longer than 63/],
      [`${'abcdefghi.'.repeat(26)}com`, /longer than 253/],
      ['sip.contoso.com:5061', /contains ':'/],
      ['xn--bcher-kva.example', /^$/],
    ];
    for (const [value, reason] of bad) {
      const problem = validateEdgeFqdn(value);
      if (reason.source === '^$') assert.equal(problem, undefined, 'punycode labels are plain RFC 1123 labels');
      else assert.match(problem ?? '', reason, value);
    }
  });

  it('checks site, policy and provider names and users against a safe character set', () => {
    for (const good of ['Redmond', 'North-America_2', 'v1.2']) {
      assert.equal(validateSiteName(good), undefined);
      assert.equal(validatePolicyName(good), undefined);
      assert.equal(validateProviderIdentity(good), undefined);
    }
    for (const good of ['kenmyer@contoso.com', 'sip:kenmyer@contoso.com', 'CONTOSO\\kenmyer', 'Ken Myer', 'ken+skype@contoso.com']) {
      assert.equal(validateUserIdentity(good), undefined, good);
    }
    assert.match(validateSiteName('_x') ?? '', /must start with a letter or a digit/);
    assert.match(validateUserIdentity('Ken  Myer') ?? '', /two spaces/);
    assert.match(validatePolicyName('a'.repeat(65)) ?? '', /longer than 64/);
  });

  it('validates the lists typed into the wizard', () => {
    assert.equal(validateSipDomainList('contoso.com, fabrikam.com;litwareinc.com  adatum.com'), undefined);
    assert.match(validateSipDomainList(' ') ?? '', /at least one SIP domain/);
    assert.match(validateSipDomainList('contoso.com,contoso.com') ?? '', /listed twice/);
    assert.match(validateSipDomainList('contoso.com, bad_domain.com') ?? '', /bad_domain/);
    assert.equal(validateUserList(''), undefined, 'no users is allowed');
    assert.equal(validateUserList('Ken Myer; pilar@contoso.com'), undefined);
    assert.match(validateUserList('ken@contoso.com, $(evil)') ?? '', /contains '\$'/);
  });

  it('knows a top-level suffix match when it sees one (the examples of the docs)', () => {
    for (const edge of ['sip.contoso.com', 'sipfed.contoso.com', 'access.contoso.com', 'SIP.CONTOSO.COM'])
      assert.ok(isTopLevelSuffixMatch(edge, 'contoso.com'), edge);
    for (const edge of ['sip.contoso-edge.com', 'sip.it.contoso.com', 'contoso.com', 'sipcontoso.com'])
      assert.ok(!isTopLevelSuffixMatch(edge, 'contoso.com'), edge);
  });
});

describe('generator safety: no answer can inject PowerShell', () => {
  const ATTACKS = [
    'contoso.com; Remove-CsUser',
    'contoso.com\nRemove-CsUser -Identity x',
    'contoso.com\r\n',
    '$(Remove-CsUser)',
    'a`b',
    "x'; Remove-CsUser; '",
    'x"; Remove-CsUser; "',
    'x\u2019; Remove-CsUser; \u2018',
    'x | Remove-CsUser',
    'x & Remove-CsUser',
    '${env:x}',
    '@(1)',
    'x{y}',
    'x\u0000y',
    'x\u200by',
    '<#',
  ];
  const fields: [string, (value: string) => unknown][] = [
    ['Access Edge FQDN', (v) => ({ ...BASE, edgeFqdn: v })],
    ['SIP domain', (v) => ({ ...BASE, sipDomains: ['contoso.com', v] })],
    ['site name', (v) => ({ ...BASE, policy: { kind: 'site', name: v } })],
    ['policy name', (v) => ({ ...BASE, policy: `user:${v}` })],
    ['user', (v) => ({ ...BASE, policy: 'user:SkypeUsers', grantTo: [v] })],
    ['provider identity', (v) => ({ ...BASE, replace: v })],
  ];

  for (const [field, answersWith] of fields) {
    it(`refuses dangerous ${field}s with a message naming the field and the character`, () => {
      for (const attack of ATTACKS) {
        const errors = errorsOf(answersWith(attack));
        assert.ok(
          errors.some((e) => e.includes(`The ${field} `) && /contains|must start|is empty/.test(e)),
          `${JSON.stringify(attack)} as ${field}: ${JSON.stringify(errors)}`,
        );
      }
    });
  }

  it('writes values single-quoted, quotes doubled (typographic ones too)', () => {
    assert.equal(quote("O'Neil"), "'O''Neil'");
    assert.equal(quote('a\u2019b'), "'a\u2019\u2019b'");
    assert.equal(quote('$(x) `y'), "'$(x) `y'");
  });

  /** The script's code with comments dropped and every single-quoted string blanked: what a value could change. */
  const codeShape = (text: string): string =>
    text
      .split('\n')
      .filter((l) => !l.trimStart().startsWith('#'))
      .join('\n')
      .replace(/'(?:[^']|'')*'/g, "'…'");

  it('sampled fuzz: a random value is refused, or it changes only quoted strings and comments', async () => {
    const linter = await getLinter();
    const safe = ['a', 'b', 'Z', '0', '9', '.', '-', '_', '@', ':', '\\', '+', ' '];
    const alphabet = [...safe, ';', '$', '(', ')', '`', "'", '"', '\n', '|', '&', '{', '}', '#', '<', '>', ',', '\u2019', '\t'];
    let seed = 12345;
    const random = (n: number): number => {
      seed = (seed * 48271) % 2147483647;
      return seed % n;
    };
    const benign = (field: string): string => (field === 'Access Edge FQDN' || field === 'SIP domain' ? 'fabrikam.com' : 'x');
    const generated = (raw: unknown): string => {
      const result = validateAnswers(raw);
      assert.ok('answers' in result);
      return generateScript(result.answers);
    };
    let accepted = 0;
    for (let i = 0; i < 1200; i++) {
      // Half the values mostly from characters that may pass, so that a fair share is accepted and checked.
      const [field, answersWith] = fields[Math.floor(i / 2) % fields.length];
      const characters = i % 2 === 0 ? alphabet : ['a', 'b', 'Z', '0', '9', 'a', 'b', 'Z', '0', '9', ...safe, ';', '$', "'", '\n'];
      let value = Array.from({ length: 1 + random(12) }, () => characters[random(characters.length)]).join('');
      if (i % 2 === 1) value = `k${value}${field === 'Access Edge FQDN' || field === 'SIP domain' ? 'q.com' : ''}`;
      const raw = answersWith(value);
      const result = validateAnswers(raw);
      if ('errors' in result) continue;
      accepted++;
      const text = generateScript(result.answers);
      const reference = generated(answersWith(benign(field)));
      assert.doesNotMatch(value, /['"`$;|&(){}<>#\n\r\u2018\u2019]/, `${field} ${JSON.stringify(value)} was accepted`);
      assert.equal(codeShape(text), codeShape(reference), `${field} ${JSON.stringify(value)} changed the code outside quoted strings`);
      const names = (t: string): string[] => linter.analyze(t, 'sfb2019').commands.map((c) => c.name);
      assert.deepEqual(names(text), names(reference));
    }
    assert.ok(accepted > 100, `only ${accepted} random values were accepted: the sample says little`);
  });
});

describe('the generator and the linter agree on routing', () => {
  it('says public providers need DNS SRV routing, and the linter reports a generated script switched to default routing', async () => {
    const text = script();
    const edge = step(text, 'Federation and public IM');
    assert.ok(
      edge.some((l) => /Public providers need DNS SRV routing/.test(l)),
      edge.join('\n'),
    );
    assert.ok(
      edge.some((l) => /default routing \(-UseDefaultRouting\) the Edge cannot federate with a public provider/.test(l)),
      edge.join('\n'),
    );
    const linter = await getLinter();
    assert.deepEqual(
      linter.lint(text, { target: 'sfb2019' }).findings.map((f) => f.ruleId),
      [],
    );
    const routed = `${text}Set-CsAccessEdgeConfiguration -UseDefaultRouting -DefaultRouteFqdn 'atl-edge-001.litwareinc.com'\n`;
    const last = routed.split('\n').length - 1;
    assert.deepEqual(
      linter.lint(routed, { target: 'sfb2019' }).findings.map((f) => `${f.range.start.line + 1}:${f.ruleId}`),
      [`${last}:public-provider-default-routing`],
    );
  });
});

describe('generated scripts lint clean for every combination of answers', () => {
  const DOMAIN_SETS = [['contoso.com'], ['contoso.com', 'fabrikam.com'], ['contoso.com', 'fabrikam.com', 'it.contoso.com']];
  const POLICIES: PolicyAnswer[] = [
    { kind: 'global' },
    { kind: 'site', name: 'Redmond' },
    { kind: 'user', name: 'SkypeUsers', grantTo: [] },
    { kind: 'user', name: 'SkypeUsers', grantTo: ['kenmyer@contoso.com', 'Pilar Ackerman'] },
  ];
  const REPLACES = [undefined, 'Messenger', 'Skype', 'LegacyPIC'];
  const BOOLEANS = [false, true];

  function* combinations(target: ServerVersion): Generator<Answers> {
    for (const partnerDiscovery of BOOLEANS)
      for (const federationAccess of BOOLEANS)
        for (const audioVideo of BOOLEANS)
          for (const policy of POLICIES)
            for (const replace of REPLACES)
              for (const sipDomains of DOMAIN_SETS) {
                yield {
                  target,
                  edgeFqdn: 'sip.contoso.com',
                  sipDomains,
                  partnerDiscovery,
                  federationAccess,
                  audioVideo,
                  policy,
                  ...(replace ? { replace } : {}),
                };
              }
  }

  for (const target of SERVER_VERSIONS) {
    it(`${target}: no findings, and every parameter exists on ${target}`, async () => {
      const linter = await getLinter();
      let count = 0;
      for (const answers of combinations(target)) {
        count++;
        const text = generateScript(answers);
        const result = linter.lint(text, { target });
        const first = result.findings[0];
        assert.equal(
          result.findings.length,
          0,
          first &&
            `${JSON.stringify(answers)}\n${first.range.start.line + 1}:${first.range.start.character + 1} ${first.ruleId}: ${first.message}\n${text.split('\n')[first.range.start.line]}`,
        );
        // Independent of which rules exist: each bound parameter is one the catalogue has for the target.
        for (const bound of result.bound) {
          for (const p of bound.parameters) assert.ok(availableOn(p.parameter, target), `${bound.cmdlet.name} -${p.parameter.name} on ${target}`);
          assert.equal(bound.unresolved.length, 0, `${bound.cmdlet.name}: unresolved ${bound.unresolved.map((u) => u.written.name).join(', ')}`);
          assert.ok(bound.cmdlet.versions.includes(target), bound.cmdlet.name);
        }
        assert.equal(result.target, target, 'the in-file target comment names the target');
        // Every command but Write-Warning is a catalogued cmdlet.
        assert.deepEqual(
          result.commands.map((c) => c.name).filter((n) => !linter.catalog.cmdlet(n)),
          result.commands.some((c) => c.name === 'Write-Warning') ? ['Write-Warning'] : [],
        );
      }
      assert.equal(count, 2 * 2 * 2 * POLICIES.length * REPLACES.length * DOMAIN_SETS.length);
    });
  }
});

describe('the VS Code command is contributed', () => {
  it('in package.json: command, editor context menu for PowerShell, Command Palette, activation event', () => {
    const manifest = JSON.parse(readFileSync(join(REPO_ROOT, 'package.json'), 'utf8')) as {
      activationEvents: string[];
      contributes: { commands: { command: string; title: string }[]; menus: Record<string, { command: string; when?: string }[]> };
    };
    const id = 'lyncPic.generateScript';
    assert.deepEqual(
      manifest.contributes.commands.find((c) => c.command === id),
      { command: id, title: 'Lync PIC: Generate Skype connectivity script' },
    );
    assert.equal(manifest.contributes.menus['editor/context'].find((m) => m.command === id)?.when, 'editorLangId == powershell');
    assert.ok(manifest.contributes.menus.commandPalette.some((m) => m.command === id));
    assert.ok(manifest.activationEvents.includes(`onCommand:${id}`));
  });
});
