import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { Catalog, CATALOG_MODULES, getCatalog, splitModuleQualifiedName, type CmdletSpec } from '../../server/src/engine/catalog';
import { ENCODED_CATALOG } from '../../server/src/engine/catalog/data.generated';
import { REPO_ROOT } from '../helpers';

const catalog = getCatalog();

function every(module: 'skype' | 'teams'): CmdletSpec[] {
  return catalog.cmdletNames(module).map((name) => {
    const spec = catalog.cmdlet(name, module);
    assert.ok(spec, `${module} ${name} decodes`);
    return spec;
  });
}

describe('the catalogue of both modules', () => {
  it('names every cmdlet of each module without decoding them, and decodes a spec once', () => {
    const skype = catalog.cmdletNames('skype');
    const teams = catalog.cmdletNames('teams');
    assert.ok(skype.length > 850 && teams.length > 600, `${skype.length} and ${teams.length} names`);
    assert.ok(skype.includes('Get-CsUser') && skype.includes('New-CsPublicProvider') && !skype.includes('Get-Team'));
    assert.ok(teams.includes('Get-Team') && teams.includes('Set-CsUser'));
    assert.equal(catalog.cmdlet('get-csuser'), catalog.cmdlet('Get-CsUser'), 'decoded once, then the same object');
  });

  it('finds a cmdlet by any spelling of its name, each spelling asked again, and no cmdlet for an unknown name', () => {
    const fresh = new Catalog([], [], ENCODED_CATALOG);
    for (let round = 0; round < 2; round++) {
      for (const written of ['New-CsPublicProvider', 'new-cspublicprovider', 'NEW-CSPUBLICPROVIDER']) {
        assert.equal(fresh.cmdlet(written)?.name, 'New-CsPublicProvider', `${written}, round ${round + 1}`);
      }
      assert.equal(fresh.cmdlet('New-CsPublicProvder'), undefined, `a misspelt name, round ${round + 1}`);
      assert.equal(fresh.cmdlet('Get-Team'), undefined, 'a Teams-only name in the Skype module');
      assert.equal(fresh.cmdlet('get-team', 'teams')?.name, 'Get-Team', 'the same name in the Teams module');
    }
  });

  it('keeps one entry per module for a name both modules have', () => {
    const server = catalog.cmdlet('Set-CsUser');
    const teams = catalog.cmdlet('Set-CsUser', 'teams');
    assert.ok(server && teams && server !== teams);
    assert.equal(server.module, 'skype');
    assert.equal(teams.module, 'teams');
    assert.equal(server.docsUrl, 'https://learn.microsoft.com/powershell/module/skypeforbusiness/set-csuser');
    assert.equal(teams.docsUrl, 'https://learn.microsoft.com/powershell/module/microsoftteams/set-csuser');
    assert.deepEqual(teams.versions, ['teams']);
    assert.ok(teams.parameters.every((p) => p.versions.join() === 'teams'));
    assert.ok(server.versions.includes('lync2010') && !server.versions.includes('teams'));
    assert.ok(teams.parameters.some((p) => p.name === 'OnPremLineURI'));
    assert.equal(
      server.parameters.find((p) => p.name === 'OnPremLineURI')?.versions.length,
      0,
      'on the server page, -OnPremLineURI is for Teams only: no server version',
    );
  });

  it('knows every cmdlet name of the Skype module, and of the Teams module when asked', () => {
    assert.ok(catalog.isKnownCmdletName('ConvertTo-JsonForPSWS'));
    assert.ok(catalog.isKnownCmdletName('import-csannouncementfile'));
    assert.ok(!catalog.isKnownCmdletName('Get-Team'));
    assert.ok(catalog.isKnownCmdletName('Get-Team', 'teams'));
    assert.ok(!catalog.isKnownCmdletName('Get-CsPublicProviders'));
  });

  it('resolves module-qualified names', () => {
    assert.deepEqual(splitModuleQualifiedName('SkypeForBusiness\\Set-CsUser'), { name: 'Set-CsUser', qualifier: 'SkypeForBusiness', module: 'skype' });
    assert.deepEqual(splitModuleQualifiedName('Lync\\Get-CsUser'), { name: 'Get-CsUser', qualifier: 'Lync', module: 'skype' });
    assert.deepEqual(splitModuleQualifiedName('microsoftteams\\Set-CsUser'), { name: 'Set-CsUser', qualifier: 'microsoftteams', module: 'teams' });
    assert.deepEqual(splitModuleQualifiedName('Other\\Get-CsUser'), { name: 'Get-CsUser', qualifier: 'Other' });
    assert.deepEqual(splitModuleQualifiedName('Get-CsUser'), { name: 'Get-CsUser' });
    assert.equal(catalog.resolveCommandName('MicrosoftTeams\\Set-CsUser'), catalog.cmdlet('Set-CsUser', 'teams'));
    assert.equal(catalog.resolveCommandName('SkypeForBusiness\\Set-CsUser'), catalog.cmdlet('Set-CsUser'));
    assert.equal(catalog.resolveCommandName('Lync\\Get-CsUser'), catalog.cmdlet('Get-CsUser'));
    assert.equal(catalog.resolveCommandName('Set-CsUser', 'teams'), catalog.cmdlet('Set-CsUser', 'teams'));
    assert.equal(catalog.resolveCommandName('Other\\Get-CsUser'), undefined);
  });

  it('describes the federation cmdlets in its own words, and no other', () => {
    const summaries = JSON.parse(readFileSync(join(REPO_ROOT, 'scripts', 'catalog-summaries.json'), 'utf8')) as Record<string, { summary?: string }>;
    const described = catalog.cmdlets;
    assert.deepEqual(
      described.map((c) => c.name),
      Object.keys(summaries)
        .filter((k) => summaries[k].summary)
        .sort((a, b) => a.toLowerCase().localeCompare(b.toLowerCase())),
    );
    assert.ok(described.every((c) => c.summary.length > 0 && c.parameters.every((p) => p.summary.length > 0)));
    assert.equal(catalog.cmdlet('Get-CsUser')?.summary, '');
    assert.ok(catalog.cmdlet('Get-CsUser')?.parameters.every((p) => p.summary === ''));
  });

  it('gives every cmdlet its official page, and Subscription Edition the facts of 2019', () => {
    for (const module of CATALOG_MODULES) {
      for (const spec of every(module)) {
        assert.match(spec.docsUrl, /^https:\/\/learn\.microsoft\.com\/powershell\/module\/(skypeforbusiness|microsoftteams)\/[a-z0-9-]+$/, spec.name);
        assert.equal(spec.docsUrl.endsWith(`/${spec.name.toLowerCase()}`), true, spec.docsUrl);
        for (const versions of [spec.versions, ...spec.parameters.map((p) => p.versions)]) {
          assert.equal(versions.includes('sfb2019'), versions.includes('sfbse'), `${spec.name}: sfbse follows sfb2019`);
          if (module === 'teams') assert.deepEqual(versions, ['teams']);
        }
      }
    }
  });

  it('does not require a parameter its own page disputes', () => {
    const provider = catalog.cmdlet('New-CsHostingProvider');
    assert.ok(provider);
    const flags = (name: string): unknown => provider.parameters.find((p) => p.name === name)?.sets.map((s) => [s.required, s.disputedRequired ?? false]);
    // Required in the yaml, but the page's first example creates a provider without them.
    assert.deepEqual(flags('EnabledSharedAddressSpace'), [[false, true]]);
    assert.deepEqual(flags('HostsOCSUsers'), [[false, true]]);
    assert.deepEqual(flags('ProxyFqdn'), [[true, false]]);
  });

  it('still accepts specs given by hand, before the encoded data', () => {
    const spec: CmdletSpec = { name: 'Get-CsThing', summary: 's', docsUrl: 'u', versions: ['sfb2019'], parameterSets: ['__AllParameterSets'], parameters: [] };
    const small = new Catalog([spec], ['Get-CsOther']);
    assert.equal(small.cmdlet('get-csthing'), spec);
    assert.ok(small.isKnownCmdletName('Get-CsOther') && !small.isKnownCmdletName('Get-CsUser'));
    assert.deepEqual(small.cmdlets, [spec]);
    assert.deepEqual(small.cmdletNames(), []);
  });
});

describe('retired Teams parameters and cmdlets', () => {
  const teams = (name: string): CmdletSpec => {
    const spec = catalog.cmdlet(name, 'teams');
    assert.ok(spec, `${name} is a Teams cmdlet`);
    return spec;
  };

  it('knows the parameters dropped when Teams–Skype consumer interop ended, with the revision that dropped each', () => {
    assert.deepEqual(catalog.retiredParameter(teams('Set-CsExternalAccessPolicy'), 'EnablePublicCloudAccess'), {
      name: 'EnablePublicCloudAccess',
      removed: '2025-05-12',
      commit: '977f02ff',
    });
    assert.deepEqual(catalog.retiredParameter(teams('New-CsExternalAccessPolicy'), 'EnablePublicCloudAccess'), {
      name: 'EnablePublicCloudAccess',
      removed: '2025-05-12',
      commit: '6b39eaf7',
    });
    assert.deepEqual(catalog.retiredParameter(teams('Set-CsTenantFederationConfiguration'), 'AllowPublicUsers'), {
      name: 'AllowPublicUsers',
      removed: '2025-05-12',
      commit: 'd3ab7dcf',
    });
  });

  it('reads the written name as the binder does: any case, or an unambiguous prefix of a retired name', () => {
    const policy = teams('Set-CsExternalAccessPolicy');
    assert.equal(catalog.retiredParameter(policy, 'enablepubliccloudaccess')?.name, 'EnablePublicCloudAccess');
    assert.equal(catalog.retiredParameter(policy, 'EnablePublicCloudAcc')?.name, 'EnablePublicCloudAccess');
    assert.equal(catalog.retiredParameter(teams('Set-CsTenantFederationConfiguration'), 'AllowPublic')?.name, 'AllowPublicUsers');
    // A prefix of current parameters is theirs (ambiguous or not), never a retired one's.
    assert.equal(catalog.retiredParameter(policy, 'Enable'), undefined);
    assert.equal(catalog.retiredParameter(policy, 'EnablePublic'), undefined, 'a prefix of a current parameter too (EnablePublicCloudAudioVideoAccess)');
  });

  it('does not call a current parameter, a common parameter or an unknown name retired', () => {
    const policy = teams('Set-CsExternalAccessPolicy');
    assert.ok(policy.parameters.some((p) => p.name === 'EnableFederationAccess'));
    assert.equal(catalog.retiredParameter(policy, 'EnableFederationAccess'), undefined);
    assert.equal(catalog.retiredParameter(policy, 'Identity'), undefined);
    assert.equal(catalog.retiredParameter(policy, 'Verbose'), undefined);
    assert.equal(catalog.retiredParameter(policy, 'NoSuchParameter'), undefined);
    assert.equal(catalog.retiredParameter(teams('Get-Team'), 'EnablePublicCloudAccess'), undefined, 'retired on another cmdlet only');
  });

  it('has none for the Skype module, where -EnablePublicCloudAccess is current, nor for specs given by hand', () => {
    const server = catalog.cmdlet('Set-CsExternalAccessPolicy');
    assert.ok(server && server.parameters.some((p) => p.name === 'EnablePublicCloudAccess'));
    assert.deepEqual(catalog.retiredParameters(server), []);
    assert.equal(catalog.retiredParameter(server, 'EnablePublicCloudAccess'), undefined);
    const spec: CmdletSpec = { name: 'Set-CsTenantFederationConfiguration', summary: '', docsUrl: 'u', versions: [], parameterSets: [], parameters: [] };
    assert.equal(new Catalog([spec], []).retiredParameter(spec, 'AllowPublicUsers'), undefined);
  });

  it('lists only names the pinned reference does not have, each with a date and a short commit', () => {
    let count = 0;
    for (const cmdlet of every('teams')) {
      const current = new Set(cmdlet.parameters.flatMap((p) => [p.name, ...(p.aliases ?? [])]).map((n) => n.toLowerCase()));
      for (const r of catalog.retiredParameters(cmdlet)) {
        count++;
        assert.ok(!current.has(r.name.toLowerCase()), `${cmdlet.name} -${r.name} is current`);
        assert.match(r.removed, /^20\d\d-\d\d-\d\d$/);
        assert.match(r.commit, /^[0-9a-f]{8}$/);
      }
    }
    assert.ok(count > 500, `${count} retired parameters`);
    const docs = readFileSync(join(REPO_ROOT, 'docs/catalog.md'), 'utf8');
    assert.ok(docs.includes(`### Retired parameters (${count}, on `), 'docs/catalog.md gives the same count');
  });

  it('knows the cmdlets whose page the Teams reference deleted', () => {
    assert.deepEqual(catalog.retiredCmdlet('get-csteamsshiftsconnection', 'teams'), {
      name: 'Get-CsTeamsShiftsConnection',
      removed: '2026-07-09',
      commit: '6bf70ebc',
    });
    assert.equal(catalog.retiredCmdlet('Get-CsTeamsShiftsConnection', 'skype'), undefined);
    assert.equal(catalog.retiredCmdlet('Get-Team', 'teams'), undefined, 'a current cmdlet');
    assert.equal(catalog.retiredCmdlet('Get-CsNoSuchThing', 'teams'), undefined);
    const retired = catalog.retiredCmdlets('teams');
    assert.ok(retired.length > 20 && retired.every((c) => !catalog.isKnownCmdletName(c.name, 'teams')));
    assert.deepEqual(catalog.retiredCmdlets('skype'), []);
  });
});
