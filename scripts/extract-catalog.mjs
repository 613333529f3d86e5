#!/usr/bin/env node
// Builds server/src/engine/catalog/data.generated.ts from Microsoft's platyPS cmdlet pages
// (MicrosoftDocs/office-docs-powershell, skype/skype-ps/SkypeForBusiness/<Cmdlet>.md).
//
//   node scripts/extract-catalog.mjs [mirror-git-dir] [--out <file>] [--quiet]
//
// The mirror is a bare git repository; pages are read with `git show <commit>:<path>`, at HEAD unless a
// supplement below names an older revision. Only facts are taken from the pages (names, types, sets,
// positions, applicability, documented enum names). Every summary comes from scripts/catalog-summaries.json,
// written by hand in this project's own words; the run fails if one is missing.
//
// The run is deterministic: the same mirror commit and the same summaries give the same output.

import { execFileSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DEFAULT_MIRROR = '/work/.mirror/MicrosoftDocs+office-docs-powershell/repo';
const DEFAULT_OUT = join(ROOT, 'server/src/engine/catalog/data.generated.ts');
const SUMMARIES_FILE = join(HERE, 'catalog-summaries.json');
const PAGE_DIRS = ['skype/skype-ps/SkypeForBusiness', 'skype/skype-ps/skype']; // current folder, then the pre-2024 one
const MODULE_DIR = 'skype/skype-ps/SkypeForBusiness';

// ---------------------------------------------------------------------------------------------------------------
// What to extract

const NOUNS_AND_VERBS = {
  CsPublicProvider: ['Get', 'New', 'Set', 'Remove', 'Enable', 'Disable'],
  CsHostingProvider: ['Get', 'New', 'Set', 'Remove', 'Enable', 'Disable'],
  CsAccessEdgeConfiguration: ['Get', 'Set'],
  CsExternalAccessPolicy: ['Get', 'New', 'Set', 'Remove', 'Grant'],
  CsAllowedDomain: ['Get', 'New', 'Set', 'Remove'],
  CsBlockedDomain: ['Get', 'New', 'Set', 'Remove'],
  CsClientPolicy: ['Get', 'New', 'Set', 'Remove', 'Grant'],
  CsMediaConfiguration: ['Get', 'New', 'Set', 'Remove'],
};

export const CMDLET_NAMES = Object.entries(NOUNS_AND_VERBS)
  .flatMap(([noun, verbs]) => verbs.map((verb) => `${verb}-${noun}`))
  .sort(compareNames);

/** `applicable:` / `> Applicable:` names → version ids. Names in IGNORED_PRODUCTS are dropped. */
const VERSION_IDS = {
  'Lync Server 2010': 'lync2010',
  'Lync Server 2013': 'lync2013',
  'Skype for Business Server 2015': 'sfb2015',
  'Skype for Business Server 2019': 'sfb2019',
};
const VERSION_ORDER = Object.values(VERSION_IDS);
const IGNORED_PRODUCTS = new Set(['Skype for Business Online', 'Microsoft Teams']);

/** Parameters every cmdlet has through [<CommonParameters>]; never catalogued. */
const COMMON_PARAMETERS = new Set([
  'Debug',
  'ErrorAction',
  'ErrorVariable',
  'InformationAction',
  'InformationVariable',
  'OutBuffer',
  'OutVariable',
  'PipelineVariable',
  'ProgressAction',
  'Verbose',
  'WarningAction',
  'WarningVariable',
]);

/**
 * Enumeration types and their documented names, in the documented order. None of these pages has an
 * `Accepted values:` yaml line; the names are listed in each parameter's prose, so they are written here
 * and the run checks that every name appears in the prose of every parameter of that type (it fails if a
 * name is missing from all of them). `source` is recorded in the generated file.
 */
const ENUM_TYPES = {
  VerificationLevelType: {
    values: ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification'],
    source: 'prose of -VerificationLevel / -DiscoveredPartnerVerificationLevel (provider, allowed-domain and Access Edge pages)',
  },
  AddressBookAvailability: {
    values: ['WebSearchAndFileDownload', 'WebSearchOnly', 'FileDownloadOnly'],
    source: 'prose of -AddressBookAvailability (New-/Set-CsClientPolicy)',
  },
  DisplayPhoto: {
    values: ['NoPhoto', 'PhotosFromADOnly', 'AllPhotos'],
    source: 'prose of -DisplayPhoto (New-/Set-CsClientPolicy)',
  },
  P2PAppSharingEncryption: {
    values: ['Supported', 'Enforced', 'NotSupported'],
    source: 'prose of -P2PAppSharingEncryption (New-/Set-CsClientPolicy)',
  },
  TracingLevel: {
    values: ['Off', 'Light', 'Full'],
    source: 'prose of -TracingLevel (New-/Set-CsClientPolicy)',
  },
  EncryptionLevel: {
    values: ['SupportEncryption', 'RequireEncryption', 'DoNotSupportEncryption'],
    source: 'prose of -EncryptionLevel (New-/Set-CsMediaConfiguration)',
  },
  MaxVideoRateAllowed: {
    values: ['Hd720p15M', 'VGA600K', 'CIF250K'],
    source: 'prose of -MaxVideoRateAllowed (New-/Set-CsMediaConfiguration)',
  },
  PolicyFilter: {
    values: ['Automatic', 'All', 'SubscriptionDefaults', 'TenantDefinedOnly'],
    source: '"PARAMVALUE:" line of -Include (Get-CsExternalAccessPolicy)',
  },
};

/** Non-enum types whose kind is decided here rather than by name pattern. */
const OBJECT_TYPES = new Set(['PSObject', 'Object', 'Guid', 'TimeSpan']);
/** Fqdn wraps a host name written as a plain string (e.g. -DomainController dc1.contoso.com). */
const STRING_TYPES = new Set(['String', 'Fqdn']);

/**
 * Parameters the current page dropped or mis-describes, taken from an older revision of the same page.
 * `fields` limits what is taken: 'all' (the whole parameter, added if the current page lacks it) or
 * 'versions' (only the Applicable line).
 */
const REVISION_SUPPLEMENTS = [
  {
    cmdlet: 'New-CsExternalAccessPolicy',
    parameter: 'EnablePublicCloudAccess',
    commit: '1820033a7c2f728ffa24a31d4a718d9bfb20751f',
    fields: 'all',
    why: 'deleted from the page on 2025-05-12 (61a8b290) when Teams–Skype consumer interop ended; still valid on Lync / SfB Server',
  },
  {
    cmdlet: 'Set-CsExternalAccessPolicy',
    parameter: 'EnablePublicCloudAccess',
    commit: '9e714910f69115b3ccd7b283d5ec93630e4fe05f',
    fields: 'all',
    why: 'deleted from the page on 2025-05-12 (8fb18424) when Teams–Skype consumer interop ended; still valid on Lync / SfB Server',
  },
  {
    cmdlet: 'Grant-CsClientPolicy',
    parameter: 'Tenant',
    commit: '81d8d8550d3139a5fb23aafd3653eeca4e32a55d',
    fields: 'versions',
    why: 'the current page has no Applicable line for -Tenant: commit 1820033a (2024-03-11) dropped Teams and Skype for Business Online from every Applicable list, which left nothing for -Tenant',
  },
];

/**
 * Parameters with no (or a wrong) Applicable line that are not available on any on-premises server.
 * They stay in the catalogue with versions [] so the linter can say they do not exist on these servers.
 */
const VERSION_OVERRIDES = [
  { cmdlet: 'Grant-CsExternalAccessPolicy', parameter: 'Global', versions: [], why: 'Teams-only set GrantToTenant; no Applicable line' },
  {
    cmdlet: 'Grant-CsExternalAccessPolicy',
    parameter: 'Group',
    versions: [],
    why: 'Teams-only set GrantToGroup (group policy assignment); no Applicable line',
  },
  { cmdlet: 'Grant-CsExternalAccessPolicy', parameter: 'Rank', versions: [], why: 'Teams-only set GrantToGroup (group policy assignment); no Applicable line' },
  ...['New-CsExternalAccessPolicy', 'Set-CsExternalAccessPolicy'].flatMap((cmdlet) =>
    ['EnableTeamsConsumerAccess', 'EnableTeamsConsumerInbound'].map((parameter) => ({
      cmdlet,
      parameter,
      versions: [],
      why: 'the prose says "(Microsoft Teams Only)"; the Applicable line (Lync Server 2010 …) was copied from the neighbouring parameters when it was added in Dec 2021',
    })),
  ),
];

/**
 * Parameters that appear only in a SYNTAX block (no `### -Name` section). The type comes from the syntax.
 */
const SYNTAX_ONLY = [
  {
    cmdlet: 'Grant-CsClientPolicy',
    parameter: 'Global',
    versions: [],
    why: 'only in the SYNTAX of set GrantToTenant (tenant-wide grant of Teams / Skype for Business Online); no PARAMETERS section',
  },
  {
    cmdlet: 'Grant-CsExternalAccessPolicy',
    parameter: 'Force',
    versions: [],
    why: 'only in the SYNTAX of the Teams-only set GrantToTenant; no PARAMETERS section, and no revision of the page ever documented it',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// Reading pages

function git(mirror, args) {
  return execFileSync('git', ['-C', mirror, ...args], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function resolveCommit(mirror, commit) {
  return git(mirror, ['rev-parse', '--verify', `${commit}^{commit}`]).trim();
}

export function readPage(mirror, commit, cmdlet) {
  for (const dir of PAGE_DIRS) {
    const path = `${dir}/${cmdlet}.md`;
    try {
      const text = execFileSync('git', ['-C', mirror, 'show', `${commit}:${path}`], {
        encoding: 'utf8',
        stdio: ['ignore', 'pipe', 'ignore'],
        maxBuffer: 64 * 1024 * 1024,
      });
      return { path, text };
    } catch {
      // try the next folder
    }
  }
  throw new Error(`${cmdlet}: no page at ${commit} in ${PAGE_DIRS.join(' or ')}`);
}

export function listKnownCsCmdlets(mirror, commit) {
  return git(mirror, ['ls-tree', '--name-only', `${commit}:${MODULE_DIR}`])
    .split('\n')
    .filter((f) => f.endsWith('.md'))
    .map((f) => f.slice(0, -3))
    .filter((name) => /^[A-Z][a-z]+-Cs[A-Za-z0-9]*$/i.test(name)) // Import-CSAnnouncementFile.md spells the noun CS
    .sort(compareNames);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing one platyPS page

function section(text, title) {
  const re = new RegExp(`^## ${title}[ \\t]*$`, 'm');
  const m = re.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const end = /^## /m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

function parseFrontMatter(text) {
  const m = /^---\n([\s\S]*?)\n---\n/.exec(text);
  if (!m) return {};
  const out = {};
  for (const line of m[1].split('\n')) {
    const kv = /^([A-Za-z][\w ]*):\s*(.*)$/.exec(line);
    if (kv) out[kv[1].trim().toLowerCase()] = kv[2].trim();
  }
  return out;
}

/** Maps an Applicable list to version ids; throws on a product it does not know. */
function mapApplicable(list, where) {
  const versions = new Set();
  for (const raw of list.split(',')) {
    const name = raw.trim().replace(/\*+/g, '');
    if (!name) continue;
    if (VERSION_IDS[name]) versions.add(VERSION_IDS[name]);
    else if (!IGNORED_PRODUCTS.has(name)) throw new Error(`${where}: unknown product in Applicable list: "${name}"`);
  }
  return sortVersions([...versions]);
}

/** SYNTAX: one entry per parameter set, with what each block says about each parameter. */
function parseSyntax(text, cmdlet, notes) {
  const body = section(text, 'SYNTAX');
  if (body === undefined) throw new Error(`${cmdlet}: no SYNTAX section`);
  const blocks = [];
  let heading;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^###\s+(.+?)\s*$/.exec(lines[i]);
    if (h) {
      heading = h[1];
      continue;
    }
    if (/^```/.test(lines[i])) {
      const start = ++i;
      while (i < lines.length && !/^```/.test(lines[i])) i++;
      blocks.push({ heading, code: lines.slice(start, i).join('\n') });
      heading = undefined;
    }
  }
  if (blocks.length === 0) throw new Error(`${cmdlet}: SYNTAX has no code block`);
  if (blocks.length > 1 && blocks.some((b) => !b.heading)) throw new Error(`${cmdlet}: several SYNTAX blocks, some unnamed`);

  return blocks.map((block) => {
    let name = '__AllParameterSets';
    let isDefault = false;
    if (block.heading) {
      const m = /^(.*?)\s*\(Default\)$/.exec(block.heading);
      name = m ? m[1] : block.heading;
      isDefault = Boolean(m);
    }
    return { name, isDefault, params: parseSyntaxBlock(block.code, cmdlet, name, notes) };
  });
}

function parseSyntaxBlock(code, cmdlet, setName, notes) {
  const flat = code.replace(/\s+/g, ' ');
  const params = new Map();
  // [[-Name] <T>]  positional optional     [-Name] <T>  positional required
  // [-Name <T>]    named optional          -Name <T>    named required      [-Switch]  switch
  const re = /(^|\s)(\[\[|\[)?-(\[)?([A-Za-z][A-Za-z0-9]*)(\])?(?:\s*<([^>]*)>)?(\])?/g;
  let m;
  while ((m = re.exec(flat))) {
    const [, , open, malformed, name, closeName, type, closeAll] = m;
    if (name === 'CommonParameters') continue;
    let positional = false;
    let required;
    if (malformed) {
      notes.push(`${cmdlet} [${setName}]: SYNTAX writes "-[${name}]"; read as an optional named parameter`);
      required = false;
    } else if (open === '[[' && closeName && closeAll) {
      positional = true;
      required = false;
    } else if (open === '[' && closeName && type !== undefined) {
      positional = true;
      required = true;
    } else if (open === '[' && closeName) {
      required = false; // [-Switch]
    } else if (open === '[' && closeAll) {
      required = false;
    } else if (!open) {
      required = true;
    } else {
      throw new Error(`${cmdlet} [${setName}]: cannot read syntax near "${m[0].trim()}"`);
    }
    params.set(name, { positional, required, type: type === undefined ? 'SwitchParameter' : type.trim() });
  }
  return params;
}

function parseYaml(block) {
  const out = {};
  for (const line of block.split('\n')) {
    const kv = /^([A-Za-z][A-Za-z ]*):[ \t]*(.*)$/.exec(line);
    if (kv) out[kv[1].trim()] = kv[2].trim();
  }
  return out;
}

/** PARAMETERS: one entry per `### -Name` section. */
function parseParameters(text, cmdlet) {
  const body = section(text, 'PARAMETERS');
  if (body === undefined) return [];
  const chunks = body.split(/^### /m).slice(1);
  const out = [];
  for (const chunk of chunks) {
    const heading = chunk.split('\n')[0].trim();
    if (!heading.startsWith('-')) continue; // CommonParameters
    const name = heading.slice(1).trim();
    const yamls = [...chunk.matchAll(/^```yaml[ \t]*\n([\s\S]*?)^```/gm)].map((m) => parseYaml(m[1]));
    if (yamls.length === 0) throw new Error(`${cmdlet} -${name}: no yaml block`);
    const firstYaml = chunk.indexOf('```yaml');
    const prose = chunk.slice(heading.length + 1, firstYaml);
    const applicableLine = /^>\s*Applicable:\s*(.+)$/m.exec(prose);
    const applicable = applicableLine ? applicableLine[1].trim() : yamls.find((y) => y.Applicable)?.Applicable;
    out.push({ name, yamls, applicable, prose: prose.replace(/^>\s*Applicable:.*$/m, '').trim() });
  }
  return out;
}

export function parsePage(text, cmdlet, notes = []) {
  text = text.replace(/\r\n?/g, '\n');
  const front = parseFrontMatter(text);
  const title = /^# (\S+)\s*$/m.exec(text)?.[1];
  if (title && title !== cmdlet) throw new Error(`${cmdlet}: page title is ${title}`);
  return {
    cmdlet,
    applicable: front.applicable,
    onlineVersion: front['online version'],
    sets: parseSyntax(text, cmdlet, notes),
    parameters: parseParameters(text, cmdlet),
  };
}

// ---------------------------------------------------------------------------------------------------------------
// From a parsed page to catalogue entries

function splitSets(value) {
  return (value ?? '')
    .split(',')
    .map((s) => s.trim())
    .filter(Boolean);
}

function kindOf(type, hasEnum) {
  if (type === 'Boolean') return 'boolean';
  if (type === 'SwitchParameter') return 'switch';
  if (hasEnum) return 'enum';
  if (/^(U?Int(16|32|64)|S?Byte)$/.test(type)) return 'integer';
  if (STRING_TYPES.has(type)) return 'string';
  if (/\[\]$/.test(type) || /^PSListModifier\b/.test(type) || /(List|Collection)\b/.test(type)) return 'list';
  if (/Identity$/.test(type) || type === 'UserIdParameter') return 'identity';
  if (OBJECT_TYPES.has(type)) return 'object';
  return undefined;
}

function parsePosition(value, where) {
  if (value === undefined || value === '' || /^named$/i.test(value)) return undefined;
  if (!/^\d+$/.test(value)) throw new Error(`${where}: cannot read Position "${value}"`);
  return Number(value);
}

/**
 * Builds the parameters of one cmdlet from a parsed page.
 * Set membership: the SYNTAX blocks when they mention the parameter (the yaml "Parameter Sets" line of these
 * pages often says "(All)" for a parameter that only one block shows, e.g. -Identity vs -Instance); otherwise
 * the yaml line, "(All)" meaning every set. Required, Position and pipeline input come from the yaml block
 * that covers the set. Positions are renumbered per set to 0, 1, … in the documented order (the pages give
 * the first positional parameter as 0, 1 or 2).
 */
function buildParameters(page, versionsOfCmdlet, notes) {
  const setNames = page.sets.map((s) => s.name);
  const result = [];
  for (const doc of page.parameters) {
    const where = `${page.cmdlet} -${doc.name}`;
    if (COMMON_PARAMETERS.has(doc.name)) continue;
    const types = [...new Set(doc.yamls.map((y) => y.Type))];
    if (types.length !== 1 || !types[0]) throw new Error(`${where}: yaml blocks give types ${JSON.stringify(types)}`);
    const type = types[0];

    const yamlBySet = new Map();
    let yamlAll; // the raw yaml line when it contains (All)
    for (const y of doc.yamls) {
      const listed = splitSets(y['Parameter Sets']);
      if (listed.length === 0) throw new Error(`${where}: yaml block without Parameter Sets`);
      const covers = listed.includes('(All)') ? setNames : listed;
      if (listed.includes('(All)')) yamlAll = y['Parameter Sets'];
      for (const set of covers) {
        if (!setNames.includes(set)) throw new Error(`${where}: yaml names set "${set}", not in SYNTAX (${setNames.join(', ')})`);
        if (!yamlBySet.has(set)) yamlBySet.set(set, y);
      }
    }
    const yamlSets = setNames.filter((s) => yamlBySet.has(s));
    const syntaxSets = page.sets.filter((s) => s.params.has(doc.name)).map((s) => s.name);
    let sets;
    if (syntaxSets.length > 0) {
      sets = syntaxSets;
      if (syntaxSets.join() !== yamlSets.join()) {
        notes.push(`${where}: yaml "Parameter Sets: ${yamlAll ?? yamlSets.join(', ')}" but SYNTAX shows it only in ${syntaxSets.join(', ')}; used the SYNTAX`);
        for (const s of syntaxSets) {
          if (!yamlBySet.has(s)) throw new Error(`${where}: SYNTAX set ${s} has no yaml block`);
        }
      }
    } else {
      sets = yamlSets;
      if (page.sets.length > 1 || page.sets[0].params.size > 0)
        notes.push(`${where}: not in any SYNTAX block; used yaml "Parameter Sets: ${yamlAll ?? yamlSets.join(', ')}"`);
    }

    const memberships = sets.map((set) => {
      const y = yamlBySet.get(set);
      const required = /^true$/i.test(y.Required ?? '');
      const rawPosition = parsePosition(y.Position, where);
      const pipeline = /^true/i.test(y['Accept pipeline input'] ?? '');
      const syn = page.sets.find((s) => s.name === set).params.get(doc.name);
      if (syn) {
        if (syn.required !== required)
          notes.push(
            `${where} [${set}]: yaml Required ${required ? 'True' : 'False'} but SYNTAX shows it ${syn.required ? 'mandatory' : 'optional'}; used the yaml`,
          );
        if (syn.positional !== (rawPosition !== undefined))
          notes.push(`${where} [${set}]: yaml Position ${y.Position} but SYNTAX shows it ${syn.positional ? 'positional' : 'named'}; used the yaml`);
        if (syn.type !== type && syn.type !== '')
          notes.push(
            `${where} [${set}]: SYNTAX ${syn.type === 'SwitchParameter' ? 'shows no value (a switch)' : `type <${syn.type}>`} but yaml Type ${type}; used the yaml`,
          );
      }
      return { set, required, rawPosition, pipeline };
    });

    const aliases = [...new Set(doc.yamls.flatMap((y) => splitSets(y.Aliases)))];
    const accepted = doc.yamls.map((y) => y['Accepted values']).find(Boolean);
    result.push({ name: doc.name, type, memberships, aliases, applicable: doc.applicable, prose: doc.prose, accepted, where });
  }

  // Renumber positions per set, in documented order (ties keep SYNTAX order).
  for (const set of page.sets) {
    const order = [...set.params.keys()];
    const positional = result
      .flatMap((p) => p.memberships.filter((m) => m.set === set.name && m.rawPosition !== undefined).map((m) => ({ p, m })))
      .sort((a, b) => a.m.rawPosition - b.m.rawPosition || order.indexOf(a.p.name) - order.indexOf(b.p.name));
    positional.forEach(({ m }, i) => (m.position = i));
    const raw = positional.map(({ p, m }) => `${p.name}=${m.rawPosition}`).join(', ');
    if (positional.length > 1 && positional.some(({ m }) => m.position !== m.rawPosition))
      notes.push(`${page.cmdlet} [${set.name}]: positions ${raw} renumbered 0…${positional.length - 1}`);
  }

  for (const p of result) {
    let versions;
    if (p.applicable) {
      versions = mapApplicable(p.applicable, p.where);
      const outside = versions.filter((v) => !versionsOfCmdlet.includes(v));
      if (outside.length) {
        notes.push(`${p.where}: Applicable lists ${outside.join(', ')}, which the cmdlet lacks; dropped`);
        versions = versions.filter((v) => versionsOfCmdlet.includes(v));
      }
    } else {
      versions = [...versionsOfCmdlet];
      p.defaultedVersions = true;
    }
    p.versions = versions;
  }
  return result;
}

function sortVersions(versions) {
  return [...versions].sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
}

function compareNames(a, b) {
  const x = a.toLowerCase();
  const y = b.toLowerCase();
  return x < y ? -1 : x > y ? 1 : a < b ? -1 : a > b ? 1 : 0;
}

// ---------------------------------------------------------------------------------------------------------------
// Summaries

function loadSummaries() {
  const raw = JSON.parse(readFileSync(SUMMARIES_FILE, 'utf8'));
  return raw;
}

function nounOf(cmdlet) {
  return cmdlet.slice(cmdlet.indexOf('-') + 1);
}

function summaryLookup(summaries, missing, used) {
  return {
    cmdlet(name) {
      const s = summaries[name]?.summary;
      if (typeof s === 'string' && s.trim()) {
        used.add(`${name}#`);
        return s.trim();
      }
      missing.push(`${name} (cmdlet summary)`);
      return '';
    },
    parameter(cmdlet, parameter) {
      const keys = [cmdlet, `*-${nounOf(cmdlet)}`, '*'];
      for (const key of keys) {
        const s = summaries[key]?.parameters?.[parameter];
        if (typeof s === 'string' && s.trim()) {
          used.add(`${key}#${parameter}`);
          return s.trim();
        }
      }
      missing.push(`${cmdlet} -${parameter}`);
      return '';
    },
  };
}

function unusedSummaries(summaries, used) {
  const unused = [];
  for (const [key, entry] of Object.entries(summaries)) {
    if (key.startsWith('$')) continue;
    if (entry.summary !== undefined && !used.has(`${key}#`)) unused.push(`${key} (cmdlet summary)`);
    for (const p of Object.keys(entry.parameters ?? {})) if (!used.has(`${key}#${p}`)) unused.push(`${key} -${p}`);
  }
  return unused;
}

// ---------------------------------------------------------------------------------------------------------------
// Main extraction

export function extract(mirror, { commit = 'HEAD' } = {}) {
  const sha = resolveCommit(mirror, commit);
  const notes = [];
  const comments = { supplements: [], overrides: [], syntaxOnly: [], enums: new Map() };
  const cmdlets = [];
  const enumUses = new Map(); // type → [{where, missing[]}]

  for (const name of CMDLET_NAMES) {
    const { text } = readPage(mirror, sha, name);
    const page = parsePage(text, name, notes);
    if (!page.applicable) throw new Error(`${name}: no applicable: front matter`);
    const versions = mapApplicable(page.applicable, name);
    if (!page.onlineVersion) throw new Error(`${name}: no online version: front matter`);
    const params = buildParameters(page, versions, notes);

    // Older-revision supplements.
    for (const sup of REVISION_SUPPLEMENTS.filter((s) => s.cmdlet === name)) {
      const oldSha = resolveCommit(mirror, sup.commit);
      const oldNotes = [];
      const oldPage = parsePage(readPage(mirror, oldSha, name).text, name, oldNotes);
      const oldParams = buildParameters(oldPage, versions, oldNotes);
      const old = oldParams.find((p) => p.name === sup.parameter);
      if (!old) throw new Error(`${name}: supplement: -${sup.parameter} not on the page at ${oldSha}`);
      if (!old.applicable) throw new Error(`${name}: supplement: -${sup.parameter} has no Applicable line at ${oldSha}`);
      const current = params.find((p) => p.name === sup.parameter);
      if (sup.fields === 'all') {
        if (current) throw new Error(`${name}: supplement: -${sup.parameter} is on the current page again; drop the supplement`);
        for (const m of old.memberships) {
          if (!page.sets.some((s) => s.name === m.set)) throw new Error(`${name}: supplement: set ${m.set} of ${oldSha} is not a current set`);
          if (m.position !== undefined) throw new Error(`${name}: supplement: positional parameters are not supported`);
        }
        old.supplement = { commit: oldSha, why: sup.why };
        params.push(old);
      } else if (sup.fields === 'versions') {
        if (!current) throw new Error(`${name}: supplement: -${sup.parameter} is not on the current page`);
        if (current.applicable) throw new Error(`${name}: supplement: -${sup.parameter} has an Applicable line again; drop the supplement`);
        current.versions = old.versions;
        current.defaultedVersions = false;
        current.supplement = { commit: oldSha, why: sup.why, fields: 'versions', applicable: old.applicable };
      } else {
        throw new Error(`bad supplement fields ${sup.fields}`);
      }
      comments.supplements.push(`${name} -${sup.parameter} (${sup.fields === 'all' ? 'whole parameter' : 'versions only'}) from ${oldSha}: ${sup.why}`);
    }

    // Syntax-only parameters.
    for (const so of SYNTAX_ONLY.filter((s) => s.cmdlet === name)) {
      if (params.some((p) => p.name === so.parameter)) throw new Error(`${name}: -${so.parameter} now has a PARAMETERS section; drop it from SYNTAX_ONLY`);
      const inSets = page.sets.filter((s) => s.params.has(so.parameter));
      if (inSets.length === 0) throw new Error(`${name}: SYNTAX_ONLY -${so.parameter} is not in the SYNTAX`);
      const type = inSets[0].params.get(so.parameter).type;
      params.push({
        name: so.parameter,
        type,
        memberships: inSets.map((s) => {
          const syn = s.params.get(so.parameter);
          if (syn.positional) throw new Error(`${name}: SYNTAX_ONLY -${so.parameter} is positional; not supported`);
          return { set: s.name, required: syn.required, pipeline: false };
        }),
        aliases: [],
        versions: so.versions,
        prose: '',
        where: `${name} -${so.parameter}`,
        syntaxOnly: true,
        override: so.why,
      });
      comments.syntaxOnly.push(`${name} -${so.parameter}: ${so.why}`);
    }
    const syntaxNames = new Set(page.sets.flatMap((s) => [...s.params.keys()]));
    for (const n of syntaxNames) {
      if (!params.some((p) => p.name === n) && !COMMON_PARAMETERS.has(n))
        throw new Error(`${name}: -${n} is in the SYNTAX but has no PARAMETERS section; decide in SYNTAX_ONLY`);
    }

    // Version overrides.
    for (const ov of VERSION_OVERRIDES.filter((o) => o.cmdlet === name)) {
      const p = params.find((x) => x.name === ov.parameter);
      if (!p) throw new Error(`${name}: override for missing -${ov.parameter}`);
      p.versions = ov.versions;
      p.defaultedVersions = false;
      p.override = ov.why;
      comments.overrides.push(`${name} -${ov.parameter} → [${ov.versions.join(', ')}]: ${ov.why}`);
    }
    for (const p of params) {
      if (p.versions.length > 0 && /\b(Microsoft )?Teams only\b/i.test(p.prose)) {
        throw new Error(`${p.where}: the prose says Teams only but versions are [${p.versions.join(', ')}]; decide in VERSION_OVERRIDES`);
      }
      if (p.defaultedVersions) notes.push(`${p.where}: no Applicable line; given the cmdlet's versions`);
    }

    // Kinds and enums.
    for (const p of params) {
      const enumType = ENUM_TYPES[p.type];
      let enumValues;
      if (p.accepted) {
        enumValues = splitSets(p.accepted);
        if (enumType && enumValues.join() !== enumType.values.join())
          throw new Error(`${p.where}: Accepted values ${p.accepted} differ from ENUM_TYPES.${p.type}`);
      } else if (enumType) {
        enumValues = enumType.values;
        const missing = enumType.values.filter((v) => !new RegExp(`\\b${v}\\b`).test(p.prose));
        if (!enumUses.has(p.type)) enumUses.set(p.type, []);
        enumUses.get(p.type).push({ where: p.where, missing, supplement: p.supplement });
      }
      const kind = kindOf(p.type, Boolean(enumValues));
      if (!kind) throw new Error(`${p.where}: no kind for type ${p.type}; add it to ENUM_TYPES (with its documented names) or OBJECT_TYPES`);
      p.kind = kind;
      p.enumValues = enumValues;
    }

    cmdlets.push({
      name,
      docsUrl: page.onlineVersion,
      versions,
      parameterSets: page.sets.map((s) => s.name),
      defaultParameterSet: page.sets.find((s) => s.isDefault)?.name,
      params: params.sort((a, b) => compareNames(a.name, b.name)),
    });
  }

  for (const [type, uses] of enumUses) {
    const { values, source } = ENUM_TYPES[type];
    for (const v of values) {
      if (uses.every((u) => u.missing.includes(v))) throw new Error(`enum ${type}: "${v}" appears in the prose of none of its parameters`);
    }
    for (const u of uses) if (u.missing.length) notes.push(`${u.where}: prose does not name ${u.missing.join(', ')} (${type}); used ENUM_TYPES`);
    comments.enums.set(type, `${values.join(', ')}: from the ${source}`);
  }
  for (const type of Object.keys(ENUM_TYPES)) if (!enumUses.has(type)) throw new Error(`ENUM_TYPES.${type} is not used by any parameter`);

  return { sha, cmdlets, knownNames: listKnownCsCmdlets(mirror, sha), notes: groupNotes(notes), comments };
}

/** Merges notes that differ only in the parameter set ("X [Identity]: m" + "X [Instance]: m" → "X [Identity, Instance]: m"). */
function groupNotes(notes) {
  const out = [];
  const index = new Map();
  for (const note of notes) {
    const m = /^(.*?) \[([^\]]+)\]: (.*)$/.exec(note);
    if (!m) {
      if (!out.includes(note)) out.push(note);
      continue;
    }
    const key = `${m[1]}\u0000${m[3]}`;
    if (index.has(key)) {
      const entry = index.get(key);
      if (!entry.sets.includes(m[2])) entry.sets.push(m[2]);
    } else {
      const entry = { head: m[1], sets: [m[2]], text: m[3] };
      index.set(key, entry);
      out.push(entry);
    }
  }
  return out.map((n) => (typeof n === 'string' ? n : `${n.head} [${n.sets.join(', ')}]: ${n.text}`));
}

// ---------------------------------------------------------------------------------------------------------------
// Output

const q = (s) => {
  const escaped = s.replace(/\\/g, '\\\\');
  return s.includes("'") && !s.includes('"') ? `"${escaped}"` : `'${escaped.replace(/'/g, "\\'")}'`;
};
const list = (items) => `[${items.map(q).join(', ')}]`;

function wrapComment(text, indent, width = 118) {
  const words = text.split(/\s+/);
  const lines = [];
  let line = `${indent}//`;
  for (const w of words) {
    if (line.length + 1 + w.length > width && line.trim() !== '//') {
      lines.push(line);
      line = `${indent}//  `;
    }
    line += ` ${w}`;
  }
  lines.push(line);
  return lines.join('\n');
}

function render(result, summaries) {
  const missing = [];
  const used = new Set();
  const lookup = summaryLookup(summaries, missing, used);
  const out = [];
  out.push(`// Generated by scripts/extract-catalog.mjs from MicrosoftDocs/office-docs-powershell at commit ${result.sha}`);
  out.push('// (skype/skype-ps/SkypeForBusiness/<Cmdlet>.md). Do not edit by hand: change the extractor or');
  out.push('// scripts/catalog-summaries.json and run `node scripts/extract-catalog.mjs`.');
  out.push('//');
  out.push('// Facts (names, types, sets, positions, versions, enum names) come from the pages; every summary is');
  out.push("// this project's own wording, from scripts/catalog-summaries.json.");
  out.push('//');
  out.push('// Reading rules: set membership follows the SYNTAX blocks when they show the parameter, else the yaml');
  out.push('// "Parameter Sets" line ("(All)" = every set); Required, Position and pipeline input follow the yaml;');
  out.push('// positions are renumbered 0, 1, … per set in documented order; a parameter without an Applicable line');
  out.push("// gets the cmdlet's versions unless listed below.");
  out.push('//');
  out.push('// Enum names (documented in prose, not in "Accepted values"; order as documented):');
  for (const [type, text] of [...result.comments.enums].sort(([a], [b]) => compareNames(a, b))) out.push(wrapComment(`- ${type}: ${text}`, ''));
  out.push('//');
  out.push('// Taken from older revisions of the page:');
  for (const c of result.comments.supplements) out.push(wrapComment(`- ${c}`, ''));
  out.push('//');
  out.push('// Not available on any on-premises server (versions []):');
  for (const c of result.comments.overrides) out.push(wrapComment(`- ${c}`, ''));
  for (const c of result.comments.syntaxOnly) out.push(wrapComment(`- ${c}`, ''));
  out.push('//');
  out.push('// Where a page disagrees with itself, and what was done:');
  for (const n of result.notes) out.push(wrapComment(`- ${n}`, ''));
  out.push('');
  out.push("import type { CmdletSpec } from './types';");
  out.push('');
  out.push('export const CMDLETS: readonly CmdletSpec[] = [');
  for (const c of result.cmdlets) {
    out.push('  {');
    out.push(`    name: ${q(c.name)},`);
    out.push(`    summary: ${q(lookup.cmdlet(c.name))},`);
    out.push(`    docsUrl: ${q(c.docsUrl)},`);
    out.push(`    versions: ${list(c.versions)},`);
    out.push(`    parameterSets: ${list(c.parameterSets)},`);
    if (c.defaultParameterSet) out.push(`    defaultParameterSet: ${q(c.defaultParameterSet)},`);
    out.push('    parameters: [');
    for (const p of c.params) {
      if (p.supplement)
        out.push(
          wrapComment(
            `From revision ${p.supplement.commit}${p.supplement.fields === 'versions' ? ` (versions only; Applicable: ${p.supplement.applicable})` : ''}: ${p.supplement.why}.`,
            '      ',
          ),
        );
      if (p.override)
        out.push(wrapComment(`versions [${p.versions.join(', ')}]: ${p.override}${p.syntaxOnly ? '; type taken from the SYNTAX' : ''}.`, '      '));
      out.push('      {');
      out.push(`        name: ${q(p.name)},`);
      out.push(`        type: ${q(p.type)},`);
      out.push(`        kind: ${q(p.kind)},`);
      if (p.enumValues) out.push(`        enumValues: ${list(p.enumValues)},`);
      if (p.aliases.length) out.push(`        aliases: ${list(p.aliases)},`);
      const memberships = p.memberships.map((m) => {
        const parts = [`set: ${q(m.set)}`, `required: ${m.required}`];
        if (m.position !== undefined) parts.push(`position: ${m.position}`);
        parts.push(`pipeline: ${m.pipeline}`);
        return `{ ${parts.join(', ')} }`;
      });
      const oneLine = `        sets: [${memberships.join(', ')}],`;
      if (memberships.length === 1 && oneLine.length <= 120) out.push(oneLine);
      else {
        out.push('        sets: [');
        for (const m of memberships) out.push(`          ${m},`);
        out.push('        ],');
      }
      out.push(`        versions: ${list(p.versions)},`);
      out.push(`        summary: ${q(lookup.parameter(c.name, p.name))},`);
      out.push('      },');
    }
    out.push('    ],');
    out.push('  },');
  }
  out.push('];');
  out.push('');
  out.push('/** Every cmdlet of the module whose noun starts with Cs (the reference folder at the commit above). */');
  out.push('export const KNOWN_CS_CMDLET_NAMES: readonly string[] = [');
  for (const n of result.knownNames) out.push(`  ${q(n)},`);
  out.push('];');
  out.push('');
  return { text: out.join('\n'), missing, unused: unusedSummaries(summaries, used) };
}

function printTable(result) {
  const rows = result.cmdlets.map((c) => [
    c.name,
    String(c.parameterSets.length),
    String(c.params.length),
    String(c.params.filter((p) => p.versions.length === 0).length),
  ]);
  const head = ['cmdlet', 'sets', 'params', 'not on-prem'];
  const widths = head.map((h, i) => Math.max(h.length, ...rows.map((r) => r[i].length)));
  const fmt = (r) => r.map((cell, i) => (i === 0 ? cell.padEnd(widths[i]) : cell.padStart(widths[i]))).join('  ');
  console.log(fmt(head));
  console.log(widths.map((w) => '-'.repeat(w)).join('  '));
  for (const r of rows) console.log(fmt(r));
  const total = result.cmdlets.reduce((n, c) => n + c.params.length, 0);
  console.log(`${result.cmdlets.length} cmdlets, ${total} parameters, ${result.knownNames.length} known Cs* cmdlet names`);
}

function main(argv) {
  let mirror = DEFAULT_MIRROR;
  let out = DEFAULT_OUT;
  let quiet = false;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i]);
    else if (argv[i] === '--quiet') quiet = true;
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else mirror = argv[i];
  }
  const result = extract(mirror);
  const { text, missing, unused } = render(result, loadSummaries());
  if (missing.length) {
    console.error(`Missing summaries in ${relative(ROOT, SUMMARIES_FILE)} (${missing.length}):`);
    for (const m of missing) console.error(`  ${m}`);
    process.exit(1);
  }
  if (unused.length) {
    console.error(`Summaries that match no cmdlet or parameter (${unused.length}):`);
    for (const u of unused) console.error(`  ${u}`);
    process.exit(1);
  }
  writeFileSync(out, text);
  if (!quiet) {
    printTable(result);
    console.log(`${result.notes.length} notes (see the header of the output). Wrote ${relative(process.cwd(), out)} from ${result.sha}.`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  try {
    main(process.argv.slice(2));
  } catch (err) {
    console.error(`extract-catalog: ${err.message}`);
    process.exit(1);
  }
}
