#!/usr/bin/env node
// Builds the cmdlet catalogue from Microsoft's platyPS cmdlet pages (MicrosoftDocs/office-docs-powershell): every
// page of skype/skype-ps/SkypeForBusiness/ (module SkypeForBusiness) and of teams/teams-ps/MicrosoftTeams/ (module
// MicrosoftTeams). It writes server/src/engine/catalog/data.generated.ts (compact, decoded per cmdlet on first use)
// and docs/catalog.md (counts, reading rules, every contradiction found and how it was resolved).
//
//   node scripts/extract-catalog.mjs [mirror-git-dir] [--out <file>] [--docs <file>] [--examples <file>] [--quiet]
//
// The mirror is a bare git repository; pages are read at HEAD (one `git cat-file --batch`), and at an older
// revision where a supplement below names one. Only facts are taken from the pages (names, types, sets,
// positions, aliases, pipeline input, applicability, enum names). The summaries of the federation cmdlets come
// from scripts/catalog-summaries.json, written by hand in this project's own words; the run fails if one is
// missing. Other cmdlets get no summary. `--examples` also writes every example code block as JSON (for the
// example-lint test).
//
// The examples of each page are read with the project's own PowerShell parser and binder (an esbuild bundle of
// the engine made at run time): a parameter marked required that an example of the same page leaves out is
// recorded as disputed (see docs/catalog.md).
//
// The run is deterministic: the same mirror commit and the same summaries give the same output.

import { execFileSync, spawn } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const HERE = dirname(fileURLToPath(import.meta.url));
const ROOT = resolve(HERE, '..');
const DEFAULT_MIRROR = '/work/.mirror/MicrosoftDocs+office-docs-powershell/repo';
const DEFAULT_OUT = join(ROOT, 'server/src/engine/catalog/data.generated.ts');
const DEFAULT_DOCS = join(ROOT, 'docs/catalog.md');
const SUMMARIES_FILE = join(HERE, 'catalog-summaries.json');
/** The commit the catalogue is pinned to; the drift tests compare against a run at this commit. */
export const PINNED_COMMIT = '93336da2bca96c31c0fc8acc52658a30ef8a6c94';

/** The two modules. `urlPrefix` + the lower-case cmdlet name is the official page of a cmdlet. */
export const MODULES = [
  {
    id: 'skype',
    moduleName: 'SkypeForBusiness',
    title: 'Skype for Business Server (module SkypeForBusiness)',
    dir: 'skype/skype-ps/SkypeForBusiness',
    legacyDirs: ['skype/skype-ps/skype'], // the pre-2024 folder, for the older revisions of the supplements
    urlPrefix: 'https://learn.microsoft.com/powershell/module/skypeforbusiness/',
  },
  {
    id: 'teams',
    moduleName: 'MicrosoftTeams',
    title: 'Microsoft Teams (module MicrosoftTeams)',
    dir: 'teams/teams-ps/MicrosoftTeams',
    legacyDirs: [],
    urlPrefix: 'https://learn.microsoft.com/powershell/module/microsoftteams/',
  },
];

// ---------------------------------------------------------------------------------------------------------------
// What to extract in detail: the federation cmdlets, with this project's summaries and the hand-checked facts below

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
const FEDERATION = new Set(CMDLET_NAMES.map((n) => n.toLowerCase()));

/**
 * Versions, in catalogue order; the bit of a version in the encoded data is 1 << its index. Skype for Business
 * Server Subscription Edition (sfbse) has no applicability of its own in the reference: it gets the 2019 facts.
 */
export const VERSION_ORDER = ['lync2010', 'lync2013', 'sfb2015', 'sfb2019', 'sfbse', 'teams'];

/** `applicable:` / `> Applicable:` names → version ids (Skype module). Names in IGNORED_PRODUCTS are dropped. */
const VERSION_IDS = {
  'Lync Server 2010': ['lync2010'],
  'Lync Server 2013': ['lync2013'],
  'Skype for Business Server 2015': ['sfb2015'],
  'Skype for Business Server 2019': ['sfb2019', 'sfbse'],
};
/** Names that are not a product but whose meaning is not in doubt: recorded as contradictions, read as shown. */
const MISNAMED_PRODUCTS = {
  'Skype for Business Server 2019CU1': { versions: ['sfb2019', 'sfbse'], why: 'a cumulative update of Skype for Business Server 2019, read as 2019' },
  'Skype for Business Server 2013': {
    versions: ['lync2013'],
    why: 'no such product (Skype for Business Server begins with 2015); read as Lync Server 2013 so that no finding is an error on it',
  },
};
const IGNORED_PRODUCTS = new Set(['Skype for Business Online', 'Microsoft Teams']);
/** Teams pages: the module is the fact; these names in an Applicable list all mean Teams. */
const TEAMS_PRODUCT_NAMES = new Set(['Microsoft Teams', 'Teams', 'Microsoft Teans']);

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
 * Enumeration types of the federation cmdlets and their documented names, in the documented order. None of these
 * pages has an `Accepted values:` yaml line; the names are listed in each parameter's prose, so they are written
 * here and the run checks that every name appears in the prose of every parameter of that type (it fails if a
 * name is missing from all of them). `source` is recorded in docs/catalog.md.
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
 * Parameters of the federation cmdlets that appear only in a SYNTAX block (no `### -Name` section). The type
 * comes from the syntax. (On the other pages such a parameter is kept with the cmdlet's versions and recorded.)
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
// Findings of a run: contradictions (the page disagrees with itself; each resolved so that no finding is an error
// on the disputed fact) and reading notes (how a page was read where the reading rules needed a choice)

/** Kinds of contradiction, in the order docs/catalog.md lists them. */
export const CONTRADICTION_KINDS = {
  'example-omits-required': 'A parameter marked required (yaml) that an example leaves out (no splat; an example of any page of the module)',
  required: 'yaml Required and the SYNTAX block disagree',
  sets: 'yaml "Parameter Sets" and the SYNTAX blocks disagree on the sets of a parameter',
  position: 'yaml Position and the SYNTAX block disagree',
  type: 'yaml Type and the SYNTAX block disagree',
  undocumented: 'A parameter in a SYNTAX block without a PARAMETERS section',
  syntax: 'A SYNTAX block written in a way PowerShell help never prints',
  applicable: 'Applicable lines that disagree with the page or name no known product',
  page: 'Page-level disagreements (title, front matter)',
};

class Findings {
  constructor() {
    this.contradictions = [];
    this.notes = [];
  }
  contradiction(module, kind, where, text, resolution) {
    if (!CONTRADICTION_KINDS[kind]) throw new Error(`unknown contradiction kind ${kind}`);
    this.contradictions.push({ module, kind, where, text, resolution });
  }
  note(module, text) {
    this.notes.push({ module, text });
  }
}

/** What a page reader needs: where it is, whether problems are fatal (the federation pages), where findings go. */
function pageContext(module, cmdlet, findings) {
  const strict = module.id === 'skype' && FEDERATION.has(cmdlet.toLowerCase());
  return {
    module,
    cmdlet,
    strict,
    findings,
    /** A reading problem: fatal on a federation page (its facts are checked by hand), a contradiction elsewhere. */
    problem(kind, where, text, resolution) {
      if (strict) throw new Error(`${where}: ${text}`);
      findings.contradiction(module.id, kind, where, text, resolution);
    },
    contradiction(kind, where, text, resolution) {
      findings.contradiction(module.id, kind, where, text, resolution);
    },
    note(text) {
      findings.note(module.id, text);
    },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Reading the mirror

function git(mirror, args, input) {
  return execFileSync('git', ['-C', mirror, ...args], { encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, input });
}

export function resolveCommit(mirror, commit) {
  return git(mirror, ['rev-parse', '--verify', `${commit}^{commit}`]).trim();
}

/** The pages of a module folder: `{ file, blob }` per `.md` file, in name order. */
function listPages(mirror, sha, dir) {
  return git(mirror, ['ls-tree', `${sha}:${dir}`])
    .split('\n')
    .filter(Boolean)
    .map((line) => {
      const [meta, file] = line.split('\t');
      const [, type, blob] = meta.split(' ');
      return { file, type, blob };
    })
    .filter((e) => e.type === 'blob' && e.file.endsWith('.md'))
    .sort((a, b) => compareNames(a.file, b.file));
}

/** The contents of many blobs in one `git cat-file --batch`, each as `read` makes it of the bytes (by default the text). */
function readBlobs(mirror, blobs, read = (bytes) => bytes.toString('utf8')) {
  const out = execFileSync('git', ['-C', mirror, 'cat-file', '--batch'], { input: blobs.join('\n') + '\n', maxBuffer: 1024 * 1024 * 1024 });
  const texts = new Map();
  let at = 0;
  while (at < out.length) {
    const eol = out.indexOf(10, at);
    const [blob, type, size] = out.subarray(at, eol).toString('utf8').split(' ');
    if (type !== 'blob') throw new Error(`cat-file: ${blob} is ${type}`);
    const start = eol + 1;
    texts.set(blob, read(out.subarray(start, start + Number(size))));
    at = start + Number(size) + 1;
  }
  return texts;
}

/** Every page of a module at a commit: `{ path, text }`, the module's overview page left out. */
function readModulePages(mirror, sha, module) {
  const entries = listPages(mirror, sha, module.dir).filter((e) => e.file !== `${module.moduleName}.md`);
  const texts = readBlobs(
    mirror,
    entries.map((e) => e.blob),
  );
  return entries.map((e) => ({ path: `${module.dir}/${e.file}`, name: e.file.slice(0, -3), text: texts.get(e.blob) }));
}

/** One page at an older commit (the supplements), in the module's current folder or a folder it had before. */
export function readPage(mirror, commit, module, cmdlet) {
  for (const dir of [module.dir, ...module.legacyDirs]) {
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
  throw new Error(`${cmdlet}: no page at ${commit} in ${[module.dir, ...module.legacyDirs].join(' or ')}`);
}

// ---------------------------------------------------------------------------------------------------------------
// Parsing one platyPS page

function section(text, title) {
  const re = new RegExp(`^## ${title}[ \\t]*$`, 'mi');
  const m = re.exec(text);
  if (!m) return undefined;
  const rest = text.slice(m.index + m[0].length);
  const end = /^## /m.exec(rest);
  return end ? rest.slice(0, end.index) : rest;
}

/** The 1-based line at which a section's body starts (for example locations). */
function sectionLine(text, title) {
  const m = new RegExp(`^## ${title}[ \\t]*$`, 'mi').exec(text);
  return m ? text.slice(0, m.index).split('\n').length + 1 : 0;
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

/** Maps a Skype module Applicable list to version ids. */
function mapApplicable(list, where, ctx) {
  const versions = new Set();
  for (const raw of list.split(',')) {
    const name = raw.trim().replace(/\*+/g, '');
    if (!name) continue;
    if (VERSION_IDS[name]) for (const v of VERSION_IDS[name]) versions.add(v);
    else if (MISNAMED_PRODUCTS[name]) {
      ctx.contradiction('applicable', where, `Applicable names "${name}"`, MISNAMED_PRODUCTS[name].why);
      for (const v of MISNAMED_PRODUCTS[name].versions) versions.add(v);
    } else if (!IGNORED_PRODUCTS.has(name)) ctx.problem('applicable', where, `unknown product in Applicable list: "${name}"`, 'ignored');
  }
  return sortVersions([...versions]);
}

/** SYNTAX: one entry per parameter set, with what each block says about each parameter. */
function parseSyntax(text, ctx) {
  const cmdlet = ctx.cmdlet;
  const body = section(text, 'SYNTAX');
  if (body === undefined) {
    ctx.problem('page', cmdlet, 'no SYNTAX section', 'read as one unnamed set');
    return [{ name: '__AllParameterSets', isDefault: false, params: new Map() }];
  }
  const blocks = [];
  let heading;
  const lines = body.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const h = /^###\s+(.+?)\s*$/.exec(lines[i]);
    if (h) {
      heading = h[1];
      continue;
    }
    const fence = /^```(.*)$/.exec(lines[i]);
    if (fence) {
      // ```powershell Get-X [-Id <String>] [<CommonParameters>] ``` : a whole block on the fence line.
      const inline = /^```\w*\s+(.+?)\s*```\s*$/.exec(lines[i]);
      if (inline) {
        blocks.push({ heading, code: inline[1] });
        heading = undefined;
        continue;
      }
      const start = ++i;
      while (i < lines.length && !/^```/.test(lines[i])) i++;
      blocks.push({ heading, code: lines.slice(start, i).join('\n') });
      heading = undefined;
    }
  }
  if (blocks.length === 0) {
    ctx.problem('syntax', cmdlet, 'SYNTAX has no code block', 'read as one unnamed set');
    return [{ name: '__AllParameterSets', isDefault: false, params: new Map() }];
  }
  if (blocks.length > 1 && blocks.some((b) => !b.heading)) {
    ctx.problem('syntax', cmdlet, 'several SYNTAX blocks, some unnamed', 'the unnamed ones named after their position (Set1, Set2, …)');
    blocks.forEach((b, i) => (b.heading ??= `Set${i + 1}`));
  }
  const sets = [];
  for (const block of blocks) {
    let name = '__AllParameterSets';
    let isDefault = false;
    if (block.heading) {
      const m = /^(.*?)\s*\(Default\)$/.exec(block.heading);
      name = m ? m[1] : block.heading;
      isDefault = Boolean(m);
    }
    const params = parseSyntaxBlock(block.code, name, ctx);
    const same = sets.find((s) => s.name === name);
    if (same) {
      ctx.contradiction('syntax', cmdlet, `two SYNTAX blocks named ${name}`, 'merged into one set');
      for (const [k, v] of params) if (!same.params.has(k)) same.params.set(k, v);
    } else sets.push({ name, isDefault, params });
  }
  return sets;
}

function parseSyntaxBlock(code, setName, ctx) {
  const cmdlet = ctx.cmdlet;
  const flat = code.replace(/\s+/g, ' ');
  const params = new Map();
  // [[-Name] <T>]  positional optional     [-Name] <T>  positional required
  // [-Name <T>]    named optional          -Name <T>    named required      [-Switch]  switch
  const re = /(^|\s)(\[\[|\[)?-(\[)?([A-Za-z][A-Za-z0-9_]*)(\])?(?:\s*<([^>]*)>)?(\])?/g;
  let m;
  while ((m = re.exec(flat))) {
    const [, , open, malformed, name, closeName, type, closeAll] = m;
    if (name === 'CommonParameters') continue;
    let positional = false;
    let required;
    if (malformed) {
      ctx.contradiction('syntax', `${cmdlet} [${setName}]`, `SYNTAX writes "-[${name}]"`, 'read as an optional named parameter');
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
      ctx.problem('syntax', `${cmdlet} [${setName}]`, `cannot read syntax near "${m[0].trim()}"`, 'read as an optional named parameter');
      required = false;
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
function parseParameters(text, ctx) {
  const body = section(text, 'PARAMETERS');
  if (body === undefined) return [];
  const chunks = body.split(/^### /m).slice(1);
  const out = [];
  for (const chunk of chunks) {
    const heading = chunk.split('\n')[0].trim();
    if (!heading.startsWith('-')) continue; // CommonParameters
    const name = heading.slice(1).trim();
    const where = `${ctx.cmdlet} -${name}`;
    if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name)) {
      ctx.problem('page', where, `parameter heading "${heading}" is not a parameter name`, 'section skipped');
      continue;
    }
    const yamls = [...chunk.matchAll(/^`{3,}yaml[ \t]*\n([\s\S]*?)^```/gm)].map((m) => parseYaml(m[1]));
    if (yamls.length === 0) {
      ctx.problem('page', where, 'no yaml block', 'section skipped (the SYNTAX alone describes it)');
      continue;
    }
    const firstYaml = chunk.search(/`{3,}yaml/);
    const prose = chunk.slice(heading.length + 1, firstYaml);
    const applicableLine = /^>\s*Applicable:\s*(.+)$/m.exec(prose);
    const applicable = applicableLine ? applicableLine[1].trim() : yamls.find((y) => y.Applicable)?.Applicable;
    if (out.some((p) => p.name.toLowerCase() === name.toLowerCase())) {
      ctx.problem('page', where, 'two PARAMETERS sections', 'the first kept');
      continue;
    }
    out.push({ name, yamls, applicable, prose: prose.replace(/^>\s*Applicable:.*$/m, '').trim() });
  }
  return out;
}

/**
 * The example code blocks of a page: the fences of the EXAMPLES section opened with ``` or ```powershell (any
 * case), under the `###` heading before them (most say "Example n"). `line` is the 1-based line of the opening fence.
 */
export function parseExamples(text) {
  const body = section(text, 'EXAMPLES');
  if (body === undefined) return [];
  const first = sectionLine(text, 'EXAMPLES');
  const lines = body.split('\n');
  const examples = [];
  let heading = '(no heading)';
  for (let i = 0; i < lines.length; i++) {
    const h = /^#{3,}\s+(.+?)\s*$/.exec(lines[i]);
    if (h) {
      heading = h[1].replace(/^-+\s*|\s*-+$/g, '') || h[1];
      continue;
    }
    const fence = /^(`{3,})\s*([\w-]*)\s*$/.exec(lines[i]);
    if (!fence) continue;
    const end = lines.findIndex((l, j) => j > i && l.startsWith(fence[1]));
    const close = end < 0 ? lines.length : end;
    if (fence[2] === '' || fence[2].toLowerCase() === 'powershell') {
      examples.push({ heading, line: first + i, code: `${lines.slice(i + 1, close).join('\n')}\n` });
    }
    i = close;
  }
  return examples;
}

export function parsePage(text, ctx) {
  text = text.replace(/\r\n?/g, '\n');
  const front = parseFrontMatter(text);
  const title = /^# (\S+)\s*$/m.exec(text)?.[1];
  let cmdlet = ctx.cmdlet;
  if (title && title !== cmdlet) {
    if (title.toLowerCase() === cmdlet.toLowerCase())
      cmdlet = title; // the page spells it; PowerShell ignores case
    else ctx.problem('page', cmdlet, `page title is ${title}`, 'the file name kept');
  }
  return {
    cmdlet,
    applicable: front.applicable,
    onlineVersion: front['online version'],
    sets: parseSyntax(text, ctx),
    parameters: parseParameters(text, ctx),
    examples: parseExamples(text),
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

/** C# keywords and short names that SYNTAX blocks use for .NET types. */
const TYPE_ALIASES = {
  string: 'String',
  bool: 'Boolean',
  boolean: 'Boolean',
  int: 'Int32',
  int32: 'Int32',
  integer: 'Int32',
  uint: 'UInt32',
  uint32: 'UInt32',
  long: 'Int64',
  int64: 'Int64',
  switch: 'SwitchParameter',
  switchparameter: 'SwitchParameter',
  guid: 'Guid',
  object: 'Object',
  psobject: 'PSObject',
  datetime: 'DateTime',
};

/**
 * The type name as a kind is decided from it: without its namespace (Microsoft.Rtc.Management.AD.UserIdParameter →
 * UserIdParameter, System.String → String), C# keywords spelt as .NET names (string → String), Nullable<Boolean> as Boolean.
 */
function bareType(type) {
  const t = type.trim();
  if (/^(System\.)?Nullable`1\[(System\.)?Boolean\]$/i.test(t)) return 'Boolean';
  const short = t.replace(/^(?:[A-Za-z_]\w*\.)+(?=[A-Za-z_][\w`]*(\[|$))/, '');
  const array = short.endsWith('[]') ? '[]' : '';
  const base = array ? short.slice(0, -2) : short;
  return (TYPE_ALIASES[base.toLowerCase()] ?? base) + array;
}

function kindOf(type, hasEnum) {
  const t = bareType(type);
  if (t === 'Boolean') return 'boolean';
  if (t === 'SwitchParameter') return 'switch';
  if (hasEnum) return 'enum';
  if (/^(U?Int(16|32|64)|S?Byte)$/.test(t)) return 'integer';
  if (STRING_TYPES.has(t)) return 'string';
  if (/\[\]$/.test(t) || /^PSListModifier\b/.test(t) || /(List|Collection)\b/.test(t)) return 'list';
  if (/Identity$/.test(t) || t === 'UserIdParameter') return 'identity';
  if (OBJECT_TYPES.has(t)) return 'object';
  return undefined;
}

function parsePosition(value, where, ctx) {
  if (value === undefined || value === '' || /^named$/i.test(value)) return undefined;
  if (!/^\d+$/.test(value)) {
    ctx.problem('position', where, `cannot read Position "${value}"`, 'read as named');
    return undefined;
  }
  return Number(value);
}

/** The one type of a parameter's yaml blocks. */
function yamlType(doc, where, ctx) {
  const types = [...new Set(doc.yamls.map((y) => y.Type).filter(Boolean))];
  if (types.length === 1) return types[0];
  if (types.length === 0) {
    ctx.problem('type', where, 'no yaml Type', 'read as Object (values not judged)');
    return 'Object';
  }
  ctx.problem('type', where, `yaml blocks give types ${types.join(', ')}`, `the first, ${types[0]}, kept`);
  return types[0];
}

/**
 * Builds the parameters of one cmdlet from a parsed page.
 * Set membership: the sets the SYNTAX blocks show the parameter in; where the yaml "Parameter Sets" line names
 * other sets (it often says "(All)" for a parameter one block shows), those are added as optional and named, so
 * that neither reading makes a finding an error. Without any SYNTAX mention, the yaml line ("(All)" = every set).
 * Required, Position and pipeline input come from the yaml block that covers the set; a Required the SYNTAX
 * contradicts becomes `required: false, disputedRequired: true`. Positions are renumbered per set to 0, 1, … in
 * the documented order (the pages give the first positional parameter as 0, 1 or 2).
 */
function buildParameters(page, ctx) {
  const setNames = page.sets.map((s) => s.name);
  const result = [];
  for (const doc of page.parameters) {
    const where = `${page.cmdlet} -${doc.name}`;
    if (COMMON_PARAMETERS.has(doc.name)) continue;
    let type = yamlType(doc, where, ctx);
    const { yamlBySet, yamlAll } = yamlSets(doc, setNames, where, ctx);
    const yamlListed = setNames.filter((s) => yamlBySet.has(s));
    const syntaxSets = page.sets.filter((s) => s.params.has(doc.name)).map((s) => s.name);
    let sets = syntaxSets;
    if (syntaxSets.length === 0 && yamlListed.length === 0) {
      // The yaml names only sets no SYNTAX block has: the parameter is known, its set is not.
      sets = setNames;
      ctx.contradiction(
        'sets',
        where,
        `not in any SYNTAX block; yaml "Parameter Sets: ${doc.yamls.map((y) => y['Parameter Sets']).join('; ')}" names no set of the SYNTAX`,
        'optional and named in every set',
      );
    } else if (syntaxSets.length === 0) {
      sets = yamlListed;
      if (page.sets.length > 1 || page.sets[0].params.size > 0)
        ctx.contradiction('sets', where, `not in any SYNTAX block; yaml "Parameter Sets: ${yamlAll ?? yamlListed.join(', ')}"`, 'used the yaml');
    } else if (syntaxSets.join() !== yamlListed.join()) {
      const extra = yamlListed.filter((s) => !syntaxSets.includes(s));
      sets = setNames.filter((s) => syntaxSets.includes(s) || extra.includes(s));
      ctx.contradiction(
        'sets',
        where,
        `yaml "Parameter Sets: ${yamlAll ?? yamlListed.join(', ')}" but SYNTAX shows it in ${syntaxSets.join(', ')}`,
        extra.length ? `in the SYNTAX sets as documented, and optional and named in ${extra.join(', ')}` : 'used the SYNTAX',
      );
    }
    const typeDisputes = [];
    const memberships = sets.map((set) => membershipOf(page, doc, set, yamlBySet.get(set), type, syntaxSets.includes(set), ctx, typeDisputes));
    type = resolveTypeDispute(where, type, typeDisputes, ctx);
    const aliases = [...new Set(doc.yamls.flatMap((y) => splitSets(y.Aliases)))].filter((a) => a.toLowerCase() !== doc.name.toLowerCase());
    const accepted = doc.yamls.map((y) => y['Accepted values']).find(Boolean);
    result.push({ name: doc.name, type, memberships, aliases, applicable: doc.applicable, prose: doc.prose, accepted, where });
  }
  renumberPositions(page, result, ctx);
  return result;
}

/** The yaml block that covers each set, and the raw line when it says (All). */
function yamlSets(doc, setNames, where, ctx) {
  const yamlBySet = new Map();
  let yamlAll;
  for (const y of doc.yamls) {
    const listed = splitSets(y['Parameter Sets']);
    if (listed.length === 0) {
      ctx.problem('sets', where, 'yaml block without Parameter Sets', 'read as (All)');
      listed.push('(All)');
    }
    const all = listed.some((s) => /^\(all\)$/i.test(s));
    if (all) yamlAll = y['Parameter Sets'];
    for (const set of all ? setNames : listed) {
      if (!setNames.includes(set)) {
        ctx.problem('sets', where, `yaml names set "${set}", not in SYNTAX (${setNames.join(', ')})`, 'that set ignored');
        continue;
      }
      if (!yamlBySet.has(set)) yamlBySet.set(set, y);
    }
  }
  return { yamlBySet, yamlAll };
}

/** The parameter's role in one set, from its yaml block (or the SYNTAX alone), disputes recorded and resolved. */
function membershipOf(page, doc, set, y, type, inSyntax, ctx, typeDisputes) {
  const where = `${page.cmdlet} -${doc.name}`;
  const syn = page.sets.find((s) => s.name === set).params.get(doc.name);
  if (!y) {
    // Shown by the SYNTAX in a set the yaml does not name.
    const membership = { set, required: false, rawPosition: undefined, pipeline: false };
    if (syn?.required) membership.disputedRequired = true;
    return membership;
  }
  let required = /^true$/i.test(y.Required ?? '');
  let disputedRequired = false;
  const rawPosition = parsePosition(y.Position, where, ctx);
  const pipeline = /^true/i.test(y['Accept pipeline input'] ?? '');
  if (!inSyntax) {
    // Named by the yaml in a set the SYNTAX does not show it in: optional and named there.
    if (page.sets.some((s) => s.params.has(doc.name)))
      return { set, required: false, disputedRequired: required || undefined, rawPosition: undefined, pipeline };
    return { set, required, rawPosition, pipeline };
  }
  if (syn.required !== required) {
    ctx.contradiction(
      'required',
      `${where} [${set}]`,
      `yaml Required ${required ? 'True' : 'False'} but SYNTAX shows it ${syn.required ? 'mandatory' : 'optional'}`,
      'not required (disputedRequired)',
    );
    required = false;
    disputedRequired = true;
  }
  let position = rawPosition;
  if (syn.positional && rawPosition === undefined) {
    // Positional by the SYNTAX only: after the numbered ones, in SYNTAX order (a value written there is no error).
    position = SYNTAX_ONLY_POSITION + [...page.sets.find((s) => s.name === set).params.keys()].indexOf(doc.name);
    ctx.contradiction('position', `${where} [${set}]`, `yaml Position ${y.Position} but SYNTAX shows it positional`, 'positional, after the numbered ones');
  } else if (!syn.positional && rawPosition !== undefined)
    ctx.contradiction('position', `${where} [${set}]`, `yaml Position ${y.Position} but SYNTAX shows it named`, 'positional (the yaml)');
  if (bareType(syn.type).toLowerCase() !== bareType(type).toLowerCase() && syn.type !== '') typeDisputes.push({ set, syntaxType: syn.type });
  return { set, required, disputedRequired: disputedRequired || undefined, rawPosition: position, pipeline };
}

/** Where the SYNTAX alone makes a parameter positional: its raw position, above any the yaml numbers. */
const SYNTAX_ONLY_POSITION = 1000;
const JUDGED_KINDS = new Set(['boolean', 'integer']);

/**
 * The type of a parameter whose SYNTAX and yaml disagree: the yaml's, unless it would judge values (Boolean, an
 * integer) that the SYNTAX's type leaves alone; then the SYNTAX's, so that no finding is an error on the dispute.
 * A switch against a value type has no looser reading: the yaml's.
 */
function resolveTypeDispute(where, type, disputes, ctx) {
  if (disputes.length === 0) return type;
  const looser =
    !ctx.strict && JUDGED_KINDS.has(kindOf(type, false))
      ? disputes.find((d) => !['boolean', 'integer', 'switch'].includes(kindOf(d.syntaxType, false)))
      : undefined;
  const chosen = looser ? looser.syntaxType : type;
  for (const d of disputes)
    ctx.contradiction(
      'type',
      `${where} [${d.set}]`,
      `SYNTAX ${d.syntaxType === 'SwitchParameter' ? 'shows no value (a switch)' : `type <${d.syntaxType}>`} but yaml Type ${type}`,
      looser ? `used the SYNTAX's ${chosen}, whose values are not judged` : 'used the yaml',
    );
  return chosen;
}

/** Renumbers positions per set, in documented order (ties keep SYNTAX order). */
function renumberPositions(page, result, ctx) {
  for (const set of page.sets) {
    const order = [...set.params.keys()];
    const positional = result
      .flatMap((p) => p.memberships.filter((m) => m.set === set.name && m.rawPosition !== undefined).map((m) => ({ p, m })))
      .sort((a, b) => a.m.rawPosition - b.m.rawPosition || order.indexOf(a.p.name) - order.indexOf(b.p.name));
    positional.forEach(({ m }, i) => (m.position = i));
    const raw = positional.map(({ p, m }) => `${p.name}=${m.rawPosition}`).join(', ');
    if (positional.length > 1 && positional.some(({ m }) => m.position !== m.rawPosition))
      ctx.note(`${page.cmdlet} [${set.name}]: positions ${raw} renumbered 0…${positional.length - 1}`);
  }
}

/** The versions of each parameter: its Applicable line, else the cmdlet's. Teams module: Teams, always. */
function assignVersions(params, cmdletVersions, ctx) {
  const extra = new Set();
  for (const p of params) {
    if (ctx.module.id === 'teams') {
      p.versions = ['teams'];
      if (p.applicable && !splitSets(p.applicable).some((n) => TEAMS_PRODUCT_NAMES.has(n.replace(/\*+/g, ''))))
        ctx.contradiction('applicable', p.where, `the Teams module page's Applicable line names ${p.applicable}, not Teams`, 'kept in the Teams module');
      continue;
    }
    if (!p.applicable) {
      p.versions = [...cmdletVersions];
      p.defaultedVersions = true;
      continue;
    }
    p.versions = mapApplicable(p.applicable, p.where, ctx);
    const outside = p.versions.filter((v) => !cmdletVersions.includes(v));
    if (outside.length) {
      ctx.contradiction('applicable', p.where, `Applicable lists ${outside.join(', ')}, which the cmdlet's page does not`, 'kept, and added to the cmdlet');
      for (const v of outside) extra.add(v);
    }
  }
  disputeServerlessParameters(params, cmdletVersions, ctx);
  return sortVersions([...cmdletVersions, ...extra]);
}

/**
 * A page whose front matter names server versions while the Applicable line of every parameter names none (only
 * Skype for Business Online or Teams) contradicts itself: its parameters get the cmdlet's versions.
 */
function disputeServerlessParameters(params, cmdletVersions, ctx) {
  const lined = params.filter((p) => p.applicable);
  if (ctx.strict || cmdletVersions.length === 0 || lined.length === 0 || lined.some((p) => p.versions.length > 0)) return;
  ctx.contradiction(
    'applicable',
    ctx.cmdlet,
    `the front matter names ${cmdletVersions.join(', ')} but the Applicable line of every parameter names no server version`,
    "every parameter given the cmdlet's versions",
  );
  for (const p of lined) p.versions = [...cmdletVersions];
}

function sortVersions(versions) {
  return [...new Set(versions)].sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
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

/** The official page: the module's page of the cmdlet; an `online version:` link that names another page is noted. */
function docsUrlOf(page, module, ctx) {
  const standard = `${module.urlPrefix}${page.cmdlet.toLowerCase()}`;
  const given = page.onlineVersion;
  if (given?.toLowerCase() !== standard) ctx.note(`${page.cmdlet}: online version ${given ? `"${given}"` : 'missing'}; the module's page ${standard} used`);
  return standard;
}

/** The cmdlet's versions: the front matter (Skype), the module (Teams), or what its parameters' lines name. */
function cmdletVersions(page, ctx) {
  if (ctx.module.id === 'teams') return ['teams'];
  if (page.applicable) return mapApplicable(page.applicable, page.cmdlet, ctx);
  ctx.problem('page', page.cmdlet, 'no applicable: front matter', "the versions its parameters' Applicable lines name");
  return sortVersions(page.parameters.flatMap((p) => (p.applicable ? mapApplicable(p.applicable, `${page.cmdlet} -${p.name}`, ctx) : [])));
}

function extractPage(mirror, file, ctx, state) {
  const page = parsePage(file.text, ctx);
  const name = page.cmdlet;
  let versions = cmdletVersions(page, ctx);
  const docsUrl = docsUrlOf(page, ctx.module, ctx);
  const params = buildParameters(page, ctx);
  versions = assignVersions(params, versions, ctx);
  if (ctx.strict) {
    applySupplements(mirror, page, params, versions, ctx, state.comments);
    addSyntaxOnly(page, params, ctx, state.comments);
    applyOverrides(name, params, state.comments);
  } else addUndocumented(page, params, versions, ctx);
  checkTeamsOnlyProse(params, ctx);
  for (const p of params) if (p.defaultedVersions && ctx.strict) ctx.note(`${p.where}: no Applicable line; given the cmdlet's versions`);
  assignKinds(params, ctx, state.enumUses);
  return {
    name,
    module: ctx.module.id,
    strict: ctx.strict,
    path: file.path,
    docsUrl,
    versions,
    parameterSets: page.sets.map((s) => s.name),
    defaultParameterSet: page.sets.find((s) => s.isDefault)?.name,
    params: params.sort((a, b) => compareNames(a.name, b.name)),
    examples: page.examples,
  };
}

function applySupplements(mirror, page, params, versions, ctx, comments) {
  const name = page.cmdlet;
  for (const sup of REVISION_SUPPLEMENTS.filter((s) => s.cmdlet === name)) {
    const oldSha = resolveCommit(mirror, sup.commit);
    const oldCtx = pageContext(ctx.module, name, new Findings());
    const oldPage = parsePage(readPage(mirror, oldSha, ctx.module, name).text, oldCtx);
    const oldParams = buildParameters(oldPage, oldCtx);
    assignVersions(oldParams, versions, oldCtx);
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
}

function addSyntaxOnly(page, params, ctx, comments) {
  const name = page.cmdlet;
  for (const so of SYNTAX_ONLY.filter((s) => s.cmdlet === name)) {
    if (params.some((p) => p.name === so.parameter)) throw new Error(`${name}: -${so.parameter} now has a PARAMETERS section; drop it from SYNTAX_ONLY`);
    const inSets = page.sets.filter((s) => s.params.has(so.parameter));
    if (inSets.length === 0) throw new Error(`${name}: SYNTAX_ONLY -${so.parameter} is not in the SYNTAX`);
    params.push({
      name: so.parameter,
      type: inSets[0].params.get(so.parameter).type,
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
  for (const n of syntaxNames(page)) {
    if (!params.some((p) => p.name === n) && !COMMON_PARAMETERS.has(n))
      throw new Error(`${name}: -${n} is in the SYNTAX but has no PARAMETERS section; decide in SYNTAX_ONLY`);
  }
}

function syntaxNames(page) {
  return [...new Set(page.sets.flatMap((s) => [...s.params.keys()]))];
}

/** Other pages: a parameter only the SYNTAX shows is kept (optional, named, the cmdlet's versions) and recorded. */
function addUndocumented(page, params, versions, ctx) {
  for (const n of syntaxNames(page)) {
    if (COMMON_PARAMETERS.has(n) || params.some((p) => p.name.toLowerCase() === n.toLowerCase())) continue;
    const inSets = page.sets.filter((s) => s.params.has(n));
    const type = inSets[0].params.get(n).type;
    ctx.contradiction(
      'undocumented',
      `${page.cmdlet} -${n}`,
      `in the SYNTAX of ${inSets.map((s) => s.name).join(', ')} only`,
      `kept as optional and named, type ${type}`,
    );
    params.push({
      name: n,
      type,
      memberships: inSets.map((s) => ({ set: s.name, required: false, disputedRequired: s.params.get(n).required || undefined, pipeline: false })),
      aliases: [],
      versions: ctx.module.id === 'teams' ? ['teams'] : [...versions],
      prose: '',
      where: `${page.cmdlet} -${n}`,
    });
  }
}

function applyOverrides(name, params, comments) {
  for (const ov of VERSION_OVERRIDES.filter((o) => o.cmdlet === name)) {
    const p = params.find((x) => x.name === ov.parameter);
    if (!p) throw new Error(`${name}: override for missing -${ov.parameter}`);
    p.versions = ov.versions;
    p.defaultedVersions = false;
    p.override = ov.why;
    comments.overrides.push(`${name} -${ov.parameter} → [${ov.versions.join(', ')}]: ${ov.why}`);
  }
}

/** Federation pages: a parameter whose prose says Teams only must be decided in VERSION_OVERRIDES (a hand check). */
function checkTeamsOnlyProse(params, ctx) {
  if (!ctx.strict) return;
  for (const p of params) {
    if (p.versions.length > 0 && /\b(Microsoft )?Teams only\b/i.test(p.prose))
      ctx.problem(
        'applicable',
        p.where,
        `the prose says Teams only but the Applicable line gives ${p.versions.join(', ')}`,
        'kept as the Applicable line says',
      );
  }
}

/** Kinds and enum names: `Accepted values`, else (federation pages) ENUM_TYPES; unknown types are not judged. */
function assignKinds(params, ctx, enumUses) {
  for (const p of params) {
    const enumType = ctx.strict ? ENUM_TYPES[p.type] : undefined;
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
    let kind = kindOf(p.type, Boolean(enumValues?.length));
    if (!kind) {
      if (ctx.strict) throw new Error(`${p.where}: no kind for type ${p.type}; add it to ENUM_TYPES (with its documented names) or OBJECT_TYPES`);
      kind = 'object';
    }
    p.kind = kind;
    p.enumValues = kind === 'enum' ? enumValues : undefined;
  }
}

// ---------------------------------------------------------------------------------------------------------------
// The history of the Teams pages: parameters an earlier revision of a page documented and the pinned one does not
// (retired parameters), and pages deleted from the module (retired cmdlets)

/**
 * The folders whose history is read. `own`: the Teams module's folders, the current one and the ones before it
 * (teams/teams-ps/teams until 2025); `movedFrom`: the Skype for Business folders that about 300 Teams pages were moved
 * from in 2024 (they documented Skype for Business Online, whose cmdlets became the Teams module's). A revision in
 * `movedFrom` counts for a Teams page only if it is an ancestor of the commit that moved that page into `own`: the
 * Skype for Business Server page written at the same path after the move is another page.
 */
const TEAMS_HISTORY = { own: 'teams/teams-ps', movedFrom: ['skype/skype-ps/skype', 'skype/skype/vlatest', 'skype/vlatest'] };
const NO_BLOB = '0'.repeat(40);
/** Short commits in the catalogue: as many hex digits as the notes of this file use. */
const SHORT_COMMIT = 8;

/** The file name of a page without `.md`, lower case: what names a page across folders. */
const pageKey = (path) =>
  path
    .slice(path.lastIndexOf('/') + 1)
    .replace(/\.md$/i, '')
    .toLowerCase();

/** Runs git with its output to a temporary file, so that it runs while this thread reads the pages; resolves to the output. */
function gitInBackground(mirror, args) {
  const dir = mkdtempSync(join(tmpdir(), 'lync-pic-history-'));
  const file = join(dir, 'out');
  const fd = openSync(file, 'w');
  const child = spawn('git', ['-C', mirror, ...args], { stdio: ['ignore', fd, 'pipe'] });
  closeSync(fd);
  let stderr = '';
  child.stderr.on('data', (data) => (stderr += data));
  return new Promise((done, fail) => {
    child.on('error', (err) => {
      rmSync(dir, { recursive: true, force: true });
      fail(err);
    });
    child.on('close', (code) => {
      try {
        if (code === 0) done(readFileSync(file, 'utf8'));
        else fail(new Error(`git ${args.find((a) => /^[a-z]/.test(a))}: ${stderr.trim() || `exit code ${code}`}`));
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    });
  });
}

/**
 * Starts what the history of the Teams pages is read from: one `git log --raw -M` over the folders (newest first: per
 * commit, its committer date and its changes with the blobs before and after; merges show no change of their own,
 * history simplification keeps the commit that made each change) and the commit graph (`git rev-list --parents`).
 */
function startTeamsHistory(mirror, sha) {
  const { own, movedFrom } = TEAMS_HISTORY;
  return Promise.all([
    gitInBackground(mirror, ['-c', 'core.quotePath=false', 'log', '--format=%x01%H %cs', '--raw', '--no-abbrev', '-M', sha, '--', own, ...movedFrom]),
    gitInBackground(mirror, ['rev-list', '--parents', sha]),
  ]).then(([log, parents]) => ({ log, parents }));
}

/** The `.md` changes of each commit of the log, newest first. */
function readHistory(log) {
  const commits = [];
  for (const chunk of log.split('\x01').slice(1)) {
    const lines = chunk.split('\n');
    const [commit, date] = lines[0].split(' ');
    const changes = [];
    for (const line of lines.slice(1)) {
      if (!line.startsWith(':')) continue;
      const [meta, ...paths] = line.split('\t');
      const [, , before, after, status] = meta.split(' ');
      const path = paths[paths.length - 1];
      if (!path.endsWith('.md') && !paths[0].endsWith('.md')) continue;
      changes.push({ status: status[0], before, after, oldPath: paths[0], path });
    }
    if (changes.length) commits.push({ commit, date, changes });
  }
  return commits;
}

/** The ancestors of each commit (itself included), from the output of `git rev-list --parents`. */
function ancestorSets(revList, commits) {
  const parents = new Map();
  for (const line of revList.split('\n')) {
    if (!line) continue;
    const [c, ...ps] = line.split(' ');
    parents.set(c, ps);
  }
  const sets = new Map();
  for (const start of commits) {
    const seen = new Set([start]);
    const stack = [start];
    while (stack.length) for (const p of parents.get(stack.pop()) ?? []) if (!seen.has(p)) seen.add(p) && stack.push(p);
    sets.set(start, seen);
  }
  return sets;
}

/**
 * The parameters a page documents: the `### -Name` headings of its PARAMETERS section. Some headings add a remark
 * (`### -CallPriority --- Private Preview customers only`); one that says the parameter was removed
 * (`### -AadAccessToken (Removed from version 2.3.2-preview)`) documents it no more.
 */
function documentedParameters(bytes) {
  // Read as Latin-1 (the names are ASCII; decoding every revision as UTF-8 costs more), line ends as they are.
  const text = bytes.toString('latin1');
  const start = /^## PARAMETERS[ \t]*\r?$/im.exec(text);
  if (!start) return [];
  const rest = text.slice(start.index + start[0].length);
  const end = /^## /m.exec(rest);
  const body = end ? rest.slice(0, end.index) : rest;
  return [...body.matchAll(/^###[ \t]+-[ \t]*([A-Za-z][A-Za-z0-9_]*)(?:[ \t]+([^\r\n]*))?\r?$/gm)]
    .filter((m) => !/\bremoved\b/i.test(m[2] ?? ''))
    .map((m) => m[1]);
}

/**
 * The revisions of every page of the Teams module's history, newest first, keyed by page (the file name, lower case,
 * as the page is named at the pinned commit: renames that change the file name are followed). A revision:
 * `{ commit, date, status, before, after }` with the blobs of the page before and after it (undefined where the page
 * did not exist, or was not this page: moved in, deleted, moved out).
 */
function teamsPageRevisions(history) {
  const { own } = TEAMS_HISTORY;
  const commits = readHistory(history.log);
  const inOwn = (path) => path.startsWith(`${own}/`);
  const moves = new Map(); // page key → the commits that moved it from `movedFrom` into `own`
  for (const { commit, changes } of commits)
    for (const ch of changes) {
      if (ch.status !== 'R' || inOwn(ch.oldPath) || !inOwn(ch.path)) continue;
      const key = pageKey(ch.path);
      if (!moves.has(key)) moves.set(key, new Set());
      moves.get(key).add(commit);
    }
  const ancestors = ancestorSets(history.parents, [...new Set([...moves.values()].flatMap((s) => [...s]))].sort());
  const inLineage = (path, commit) => inOwn(path) || [...(moves.get(pageKey(path)) ?? [])].some((m) => ancestors.get(m).has(commit));
  // Walking back in time: a page renamed at some commit had its old file name before it.
  const renamed = new Map();
  const identity = (key) => renamed.get(key) ?? key;
  const pages = new Map();
  for (const { commit, date, changes } of commits) {
    const renames = [];
    for (const ch of changes) {
      const newSide = ch.status !== 'D' && inLineage(ch.path, commit);
      const oldSide = ch.status !== 'A' && inLineage(ch.oldPath, commit);
      if (!newSide && !oldSide) continue;
      const page = identity(pageKey(newSide ? ch.path : ch.oldPath));
      if (!pages.has(page)) pages.set(page, []);
      const revisions = pages.get(page);
      const revision = {
        commit,
        date,
        status: newSide ? ch.status : ch.status === 'R' ? 'moved' : 'D', // moved: out of the module's history
        before: oldSide && ch.before !== NO_BLOB ? ch.before : undefined,
        after: newSide && ch.after !== NO_BLOB ? ch.after : undefined,
      };
      const same = revisions.at(-1)?.commit === commit ? revisions.at(-1) : undefined;
      if (!same) revisions.push(revision);
      else {
        // Two files of one page in a commit (a duplicate spelt in another case deleted as the page is added): one change.
        same.before ??= revision.before;
        same.after ??= revision.after;
        if (same.before && same.after) same.status = 'M';
      }
      if (ch.status === 'R' && newSide && oldSide && pageKey(ch.oldPath) !== pageKey(ch.path)) renames.push([pageKey(ch.oldPath), page]);
    }
    for (const [from, to] of renames) renamed.set(from, to);
  }
  return pages;
}

/**
 * Retired parameters and cmdlets of the Teams module. A parameter is retired when a revision of the page documented it
 * (a `### -Name` heading in PARAMETERS) and the pinned page has no parameter or alias of that name (case aside); it
 * was removed by the newest revision whose change dropped it, or, where no single change did (a page deleted and
 * written again), by the revision after the newest one that has it. A cmdlet is retired when its page was deleted
 * (not moved) and no page of the pinned module has its name.
 */
function readRetired(mirror, sha, cmdlets, history) {
  const pages = teamsPageRevisions(history);
  const blobs = new Set();
  for (const revisions of pages.values()) for (const r of revisions) for (const b of [r.before, r.after]) if (b) blobs.add(b);
  const headings = readBlobs(mirror, [...blobs].sort(), documentedParameters);
  const current = new Map(cmdlets.map((c) => [pageKey(c.path), c]));
  const short = (commit) => commit.slice(0, SHORT_COMMIT);
  const parameters = new Map();
  let fromOrder = 0;
  for (const [key, c] of current) {
    const revisions = pages.get(key) ?? [];
    // Current: the catalogued parameters and aliases, and whatever the newest revision heads as a parameter (a heading
    // the page reader skips, such as `### -Name --- a remark`, is not a retired parameter).
    const newest = revisions[0]?.after ? headings.get(revisions[0].after) : [];
    const known = new Set([...c.params.flatMap((p) => [p.name, ...p.aliases]), ...newest].map((n) => n.toLowerCase()));
    const retired = new Map(); // lower-case name → the name as last documented
    for (const r of revisions)
      for (const b of [r.after, r.before])
        for (const name of b ? headings.get(b) : []) {
          const lower = name.toLowerCase();
          if (!known.has(lower) && !COMMON_PARAMETERS.has(name) && name !== 'CommonParameters' && !retired.has(lower)) retired.set(lower, name);
        }
    const list = [];
    for (const [lower, name] of retired) {
      const has = (blob) => blob !== undefined && headings.get(blob).some((n) => n.toLowerCase() === lower);
      let removal = revisions.find((r) => has(r.before) && r.after && !has(r.after));
      const how = removal ? 'change' : 'order';
      if (!removal) {
        // The page was deleted and written again without it: the revision after the newest one with it.
        removal = revisions[revisions.findIndex((r) => has(r.after)) - 1];
        fromOrder++;
      }
      if (!removal) throw new Error(`${c.name} -${name}: no revision after the newest one that documents it`);
      list.push({ name, removed: removal.date, commit: short(removal.commit), ...(how === 'order' ? { fromOrder: true } : {}) });
    }
    if (list.length)
      parameters.set(
        c.name,
        list.sort((a, b) => compareNames(a.name, b.name)),
      );
  }
  const retiredCmdlets = new Map();
  const deleted = [...pages].filter(([key, revisions]) => !current.has(key) && revisions[0].status === 'D' && revisions[0].before);
  const texts = readBlobs(mirror, [...new Set(deleted.map(([, revisions]) => revisions[0].before))].sort());
  for (const [, revisions] of deleted) {
    const last = revisions[0];
    const text = texts.get(last.before).replace(/\r\n?/g, '\n');
    const name = /^# (\S+)\s*$/m.exec(text)?.[1];
    // Not a cmdlet page (the module's overview, an example file): no `# Verb-Noun` title that its SYNTAX runs.
    if (!name || !/^[A-Za-z]+-[A-Za-z0-9]+$/.test(name) || !(section(text, 'SYNTAX') ?? '').toLowerCase().includes(name.toLowerCase())) continue;
    if (cmdlets.some((c) => c.name.toLowerCase() === name.toLowerCase())) continue; // a copy of a current page
    const seen = retiredCmdlets.get(name.toLowerCase());
    if (seen && seen.removed >= last.date) continue;
    retiredCmdlets.set(name.toLowerCase(), { name, removed: last.date, commit: short(last.commit) });
  }
  return {
    parameters,
    cmdlets: [...retiredCmdlets.values()].sort((a, b) => compareNames(a.name, b.name)),
    revisions: [...pages.values()].reduce((n, r) => n + r.length, 0),
    pages: pages.size,
    fromOrder,
  };
}

export async function extract(mirror, { commit = 'HEAD', engine } = {}) {
  const sha = resolveCommit(mirror, commit);
  const history = startTeamsHistory(mirror, sha);
  try {
    return await extractAt(mirror, sha, engine, history);
  } finally {
    await history.catch(() => undefined); // its temporary files are gone before the run ends, even on an error
  }
}

async function extractAt(mirror, sha, engine, history) {
  const findings = new Findings();
  const state = { comments: { supplements: [], overrides: [], syntaxOnly: [], enums: new Map() }, enumUses: new Map() };
  const modules = {};
  for (const module of MODULES) {
    const cmdlets = [];
    for (const file of readModulePages(mirror, sha, module)) {
      const ctx = pageContext(module, file.name, findings);
      cmdlets.push(extractPage(mirror, file, ctx, state));
    }
    const seen = new Set();
    for (const c of cmdlets) {
      if (seen.has(c.name.toLowerCase())) throw new Error(`${module.id}: two pages for ${c.name}`);
      seen.add(c.name.toLowerCase());
    }
    modules[module.id] = cmdlets.sort((a, b) => compareNames(a.name, b.name));
  }
  for (const name of CMDLET_NAMES) if (!modules.skype.some((c) => c.name === name)) throw new Error(`${name}: no page`);
  checkEnumUses(state, findings);
  if (engine) for (const module of MODULES) disputeFromExamples(modules[module.id], engine, findings, module);
  const retired = readRetired(mirror, sha, modules.teams, await history);
  return { sha, modules, findings, comments: state.comments, retired };
}

function checkEnumUses(state, findings) {
  for (const [type, uses] of state.enumUses) {
    const { values, source } = ENUM_TYPES[type];
    for (const v of values) {
      if (uses.every((u) => u.missing.includes(v))) throw new Error(`enum ${type}: "${v}" appears in the prose of none of its parameters`);
    }
    for (const u of uses) if (u.missing.length) findings.note('skype', `${u.where}: prose does not name ${u.missing.join(', ')} (${type}); used ENUM_TYPES`);
    state.comments.enums.set(type, `${values.join(', ')}: from the ${source}`);
  }
  for (const type of Object.keys(ENUM_TYPES)) if (!state.enumUses.has(type)) throw new Error(`ENUM_TYPES.${type} is not used by any parameter`);
}

// ---------------------------------------------------------------------------------------------------------------
// Examples against required parameters, with the engine's own parser and binder

/** Bundles the engine's command reader, binder and catalogue into a temporary CommonJS file and loads it. */
export async function loadEngine() {
  const { build } = await import('esbuild');
  const dir = mkdtempSync(join(tmpdir(), 'lync-pic-extract-'));
  try {
    const outfile = join(dir, 'engine.cjs');
    await build({
      stdin: {
        contents: [
          "export { extractCommands } from './server/src/engine/parse/commands';",
          "export { bindCommand } from './server/src/engine/bind';",
          "export { Catalog, splitModuleQualifiedName } from './server/src/engine/catalog';",
        ].join('\n'),
        resolveDir: ROOT,
        loader: 'ts',
      },
      bundle: true,
      platform: 'node',
      format: 'cjs',
      outfile,
      logLevel: 'error',
    });
    return createRequire(import.meta.url)(outfile);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The cmdlet as the engine sees it; the memberships are the extractor's own objects, so disputes show at once. */
function engineSpec(c) {
  return {
    name: c.name,
    summary: '',
    docsUrl: c.docsUrl,
    versions: c.versions,
    parameterSets: c.parameterSets,
    defaultParameterSet: c.defaultParameterSet,
    parameters: c.params.map((p) => ({
      name: p.name,
      type: p.type,
      kind: p.kind,
      enumValues: p.enumValues,
      aliases: p.aliases,
      sets: p.memberships,
      versions: p.versions,
      summary: '',
    })),
  };
}

/** Required parameters of a set that the command neither names, nor binds by position, nor gets from the pipeline. */
function missingIn(bound, set) {
  const supplied = new Set([...bound.parameters.map((b) => b.parameter), ...(bound.sets.positionalBindings.get(set) ?? [])]);
  return bound.cmdlet.parameters.filter(
    (parameter) => parameter.sets.some((m) => m.set === set && m.required && !(bound.command.pipelineInput && m.pipeline)) && !supplied.has(parameter),
  );
}

/**
 * Where an example (of any page of the module: pages show other cmdlets too) runs a cmdlet without a splat and every
 * set it could mean lacks a required parameter, the parameters missing from the set missing-required-parameter would
 * name (the default set, else the one missing fewest) become `required: false, disputedRequired: true` in that set.
 */
function disputeFromExamples(cmdlets, engine, findings, module) {
  const byName = new Map(cmdlets.map((c) => [c.name.toLowerCase(), c]));
  // The engine's spec of each cmdlet, made again once an example changed its facts.
  const specs = new Map();
  const specOf = (c) => {
    let made = specs.get(c);
    if (!made) {
      const spec = engineSpec(c);
      made = { spec, catalog: new engine.Catalog([spec], []) };
      specs.set(c, made);
    }
    return made;
  };
  for (const page of cmdlets) {
    for (const example of page.examples) {
      let commands;
      try {
        commands = engine.extractCommands(example.code);
      } catch {
        continue;
      }
      for (const command of commands) {
        const c = byName.get(engine.splitModuleQualifiedName(command.name).name.toLowerCase());
        if (!c || !c.params.some((p) => p.memberships.some((m) => m.required))) continue;
        if (command.elements.some((e) => e.type === 'splat')) continue;
        const { spec, catalog } = specOf(c);
        const bound = engine.bindCommand(command, spec, catalog);
        const { candidates, conflicting } = bound.sets;
        if (conflicting.length > 0 || candidates.length === 0) continue;
        const missingPerSet = candidates.map((set) => ({ set, missing: missingIn(bound, set) }));
        if (missingPerSet.some((s) => s.missing.length === 0)) continue;
        const preferred =
          missingPerSet.find((s) => s.set === c.defaultParameterSet) ?? [...missingPerSet].sort((a, b) => a.missing.length - b.missing.length)[0];
        const source = page === c ? `"${example.heading}" (line ${example.line})` : `"${example.heading}" of ${page.name} (line ${example.line})`;
        for (const parameter of preferred.missing) {
          const p = c.params.find((x) => x.name === parameter.name);
          const m = p.memberships.find((x) => x.set === preferred.set);
          m.required = false;
          m.disputedRequired = true;
          findings.contradiction(
            module.id,
            'example-omits-required',
            `${c.name} -${p.name} [${preferred.set}]`,
            `yaml Required True, but ${source} runs ${c.name} without it`,
            'not required (disputedRequired)',
          );
        }
        specs.delete(c);
      }
    }
  }
}

// ---------------------------------------------------------------------------------------------------------------
// Encoding (the format is described in server/src/engine/catalog/encoded.ts; keep the two in step)

const KINDS = ['boolean', 'switch', 'enum', 'integer', 'string', 'identity', 'object', 'list'];
const REQUIRED = 1;
const PIPELINE = 2;
const DISPUTED_REQUIRED = 4;

function versionMask(versions) {
  return versions.reduce((mask, v) => {
    const bit = VERSION_ORDER.indexOf(v);
    if (bit < 0) throw new Error(`unknown version ${v}`);
    return mask | (1 << bit);
  }, 0);
}

class Interner {
  constructor() {
    this.table = [];
    this.index = new Map();
  }
  id(s) {
    let i = this.index.get(s);
    if (i === undefined) {
      i = this.table.length;
      this.table.push(s);
      this.index.set(s, i);
    }
    return i;
  }
}

function encodeMemberships(p, sets) {
  const plain =
    p.memberships.length === sets.length && p.memberships.every((m) => !m.required && !m.pipeline && !m.disputedRequired && m.position === undefined);
  if (plain) return 0;
  return p.memberships.map((m) => {
    const flags = (m.required ? REQUIRED : 0) | (m.pipeline ? PIPELINE : 0) | (m.disputedRequired ? DISPUTED_REQUIRED : 0);
    const local = sets.indexOf(m.set);
    return m.position === undefined ? [local, flags] : [local, flags, m.position];
  });
}

/** Drops trailing entries that hold their default value. */
function trimmed(tuple, defaults) {
  let end = tuple.length;
  while (end > 0 && defaults[end - 1] !== undefined && tuple[end - 1] === defaults[end - 1]) end--;
  return tuple.slice(0, end);
}

function encodeCmdlet(c, module, interner, lookup) {
  const standard = `${module.urlPrefix}${c.name.toLowerCase()}`;
  const params = c.params.map((p) =>
    trimmed(
      [
        p.name,
        interner.id(p.type),
        KINDS.indexOf(p.kind),
        versionMask(p.versions),
        encodeMemberships(p, c.parameterSets),
        p.aliases.join(','),
        p.enumValues ? interner.id(p.enumValues.join(',')) : -1,
        c.strict ? lookup.parameter(c.name, p.name) : '',
      ],
      [undefined, undefined, undefined, undefined, undefined, '', -1, ''],
    ),
  );
  const tuple = [
    c.docsUrl === standard ? '' : c.docsUrl,
    versionMask(c.versions),
    c.parameterSets.map((s) => interner.id(s)),
    c.defaultParameterSet ? c.parameterSets.indexOf(c.defaultParameterSet) : -1,
    c.strict ? lookup.cmdlet(c.name) : '',
    params,
  ];
  return JSON.stringify(tuple);
}

const q = (s) => `'${s.replace(/\\/g, '\\\\').replace(/'/g, "\\'")}'`;

/**
 * The retired parameters and cmdlets of the Teams module (see EncodedRetired in encoded.ts): the removing revisions
 * once each (`YYYY-MM-DD commit`, oldest first), then `Name:revision` lists per cmdlet and for the deleted cmdlets.
 */
function renderRetired(retired, out) {
  const all = [...[...retired.parameters.values()].flat(), ...retired.cmdlets];
  const revisions = [...new Set(all.map((r) => `${r.removed} ${r.commit}`))].sort();
  const index = new Map(revisions.map((r, i) => [r, i]));
  const list = (items) => items.map((r) => `${r.name}:${index.get(`${r.removed} ${r.commit}`)}`).join(' ');
  out.push('      retired: {');
  out.push('        revisions: [');
  for (const r of revisions) out.push(`          ${q(r)},`);
  out.push('        ],');
  out.push('        parameters: {');
  for (const [cmdlet, items] of [...retired.parameters].sort(([a], [b]) => compareNames(a, b))) out.push(`          ${q(cmdlet)}: ${q(list(items))},`);
  out.push('        },');
  out.push(`        cmdlets: ${q(list(retired.cmdlets))},`);
  out.push('      },');
}

function render(result, summaries) {
  const missing = [];
  const used = new Set();
  const lookup = summaryLookup(summaries, missing, used);
  const interner = new Interner();
  const encoded = MODULES.map((module) => ({
    module,
    names: result.modules[module.id].map((c) => c.name),
    specs: result.modules[module.id].map((c) => encodeCmdlet(c, module, interner, lookup)),
  }));
  const out = [];
  out.push(`// Generated by scripts/extract-catalog.mjs from MicrosoftDocs/office-docs-powershell at commit ${result.sha}.`);
  out.push('// Do not edit by hand: change the extractor or scripts/catalog-summaries.json and run `node scripts/extract-catalog.mjs`.');
  out.push('// What it holds, how the pages were read and every contradiction found: docs/catalog.md. The format (one JSON');
  out.push('// string per cmdlet, decoded on first use): server/src/engine/catalog/encoded.ts.');
  out.push('');
  out.push("import type { EncodedCatalog } from './encoded';");
  out.push('');
  out.push('export const ENCODED_CATALOG: EncodedCatalog = {');
  out.push(`  commit: ${q(result.sha)},`);
  out.push(`  versions: [${VERSION_ORDER.map(q).join(', ')}],`);
  out.push(`  kinds: [${KINDS.map(q).join(', ')}],`);
  out.push('  table: [');
  for (const s of interner.table) out.push(`    ${q(s)},`);
  out.push('  ],');
  out.push('  modules: {');
  for (const { module, names, specs } of encoded) {
    out.push(`    ${module.id}: {`);
    out.push(`      urlPrefix: ${q(module.urlPrefix)},`);
    out.push(`      names: ${q(names.join(' '))},`);
    out.push(
      `      described: ${q(
        result.modules[module.id]
          .filter((c) => c.strict)
          .map((c) => c.name)
          .join(' '),
      )},`,
    );
    out.push('      specs: [');
    for (const s of specs) out.push(`        ${q(s)},`);
    out.push('      ],');
    if (module.id === 'teams') renderRetired(result.retired, out);
    out.push('    },');
  }
  out.push('  },');
  out.push('};');
  out.push('');
  return { text: out.join('\n'), missing, unused: unusedSummaries(summaries, used) };
}

// ---------------------------------------------------------------------------------------------------------------
// docs/catalog.md

function counts(cmdlets) {
  const perVersion = VERSION_ORDER.map((v) => ({
    v,
    cmdlets: cmdlets.filter((c) => c.versions.includes(v)).length,
    params: cmdlets.reduce((n, c) => n + c.params.filter((p) => p.versions.includes(v)).length, 0),
  })).filter((x) => x.cmdlets > 0);
  return {
    cmdlets: cmdlets.length,
    params: cmdlets.reduce((n, c) => n + c.params.length, 0),
    noVersion: cmdlets.filter((c) => c.versions.length === 0).length,
    examples: cmdlets.reduce((n, c) => n + c.examples.length, 0),
    perVersion,
  };
}

const VERSION_TITLES = {
  lync2010: 'Lync Server 2010',
  lync2013: 'Lync Server 2013',
  sfb2015: 'Skype for Business Server 2015',
  sfb2019: 'Skype for Business Server 2019',
  sfbse: 'Skype for Business Server Subscription Edition',
  teams: 'Microsoft Teams',
};

const md = (s) => s.replace(/\|/g, '\\|').replace(/</g, '&lt;');

function renderDocs(result) {
  const out = [];
  const all = result.findings.contradictions;
  out.push('# The cmdlet catalogue');
  out.push('');
  out.push(`<!-- Generated by scripts/extract-catalog.mjs; do not edit by hand. -->`);
  out.push('');
  out.push(
    `What lync-pic knows of the cmdlets, read from Microsoft's cmdlet reference ([MicrosoftDocs/office-docs-powershell](https://github.com/MicrosoftDocs/office-docs-powershell)) at commit \`${result.sha}\`: every page of \`skype/skype-ps/SkypeForBusiness/\` and of \`teams/teams-ps/MicrosoftTeams/\`. Only facts are taken (names, types, parameter sets, required, positions, aliases, pipeline input, enum names, versions); no prose. The federation cmdlets carry summaries in this project's own words (\`scripts/catalog-summaries.json\`); the others have none, and hover shows their syntax, versions and official page.`,
  );
  out.push('');
  out.push('## Counts');
  out.push('');
  out.push('| module | cmdlets | parameters | cmdlets on no server version | example code blocks | contradictions |');
  out.push('|---|---|---|---|---|---|');
  for (const module of MODULES) {
    const c = counts(result.modules[module.id]);
    out.push(
      `| ${module.title} | ${c.cmdlets} | ${c.params} | ${module.id === 'skype' ? c.noVersion : '–'} | ${c.examples} | ${all.filter((x) => x.module === module.id).length} |`,
    );
  }
  out.push('');
  out.push('Per version (a cmdlet or parameter counts for each version it applies to):');
  out.push('');
  out.push('| version | id | cmdlets | parameters |');
  out.push('|---|---|---|---|');
  for (const module of MODULES) {
    for (const x of counts(result.modules[module.id]).perVersion) out.push(`| ${VERSION_TITLES[x.v]} | \`${x.v}\` | ${x.cmdlets} | ${x.params} |`);
  }
  out.push('');
  out.push(
    'Skype for Business Server Subscription Edition (`sfbse`) has no applicability of its own in the reference: it is given the facts of Skype for Business Server 2019 (every cmdlet and parameter of 2019 applies to it). The Microsoft Teams module (`teams`) is a module of its own: a cmdlet name can exist in both modules with different parameters (`Set-CsUser`, `Set-CsExternalAccessPolicy`), and the catalogue keeps one entry per module. A Teams cmdlet and its parameters apply to `teams`, whatever server names a Teams page copied into its Applicable lines.',
  );
  out.push('');
  out.push('## Reading rules');
  out.push('');
  for (const rule of READING_RULES) out.push(`- ${rule}`);
  out.push('');
  out.push('## Facts checked by hand (federation cmdlets)');
  out.push('');
  out.push('Enum names documented in prose, not in "Accepted values" (order as documented):');
  out.push('');
  for (const [type, text] of [...result.comments.enums].sort(([a], [b]) => compareNames(a, b))) out.push(`- ${type}: ${text}`);
  out.push('');
  out.push('Taken from older revisions of the page:');
  out.push('');
  for (const c of result.comments.supplements) out.push(`- ${c}`);
  out.push('');
  out.push('Not available on any on-premises server (versions []):');
  out.push('');
  for (const c of [...result.comments.overrides, ...result.comments.syntaxOnly]) out.push(`- ${c}`);
  out.push('');
  renderRetiredDocs(result.retired, out);
  out.push('## Contradictions');
  out.push('');
  out.push(
    'Where a page contradicts itself, the extractor records it and resolves it so that no finding is an error on the disputed fact. A required flag in dispute becomes `required: false` with `disputedRequired: true` on the parameter set membership: `missing-required-parameter` does not report it (it reads `required`), and a rule or the hover may mention the marker later. Sets in dispute are the union (the extra sets optional and named); versions in dispute are the wider reading.',
  );
  out.push('');
  out.push('| kind | Skype for Business | Teams |');
  out.push('|---|---|---|');
  for (const [kind, title] of Object.entries(CONTRADICTION_KINDS)) {
    const n = (m) => all.filter((x) => x.kind === kind && x.module === m).length;
    out.push(`| ${title} | ${n('skype')} | ${n('teams')} |`);
  }
  out.push(`| total | ${all.filter((x) => x.module === 'skype').length} | ${all.filter((x) => x.module === 'teams').length} |`);
  out.push('');
  for (const module of MODULES) {
    for (const [kind, title] of Object.entries(CONTRADICTION_KINDS)) {
      const items = all.filter((x) => x.kind === kind && x.module === module.id);
      if (items.length === 0) continue;
      out.push(`### ${module.moduleName}: ${title} (${items.length})`);
      out.push('');
      for (const x of items) out.push(`- ${md(x.where)}: ${md(x.text)}. Resolved: ${md(x.resolution)}.`);
      out.push('');
    }
  }
  out.push('## Reading notes');
  out.push('');
  out.push('Choices the reading rules made on particular pages (not contradictions):');
  out.push('');
  for (const module of MODULES) {
    const notes = groupNotes(result.findings.notes.filter((n) => n.module === module.id).map((n) => n.text));
    if (notes.length === 0) continue;
    out.push(`### ${module.moduleName} (${notes.length})`);
    out.push('');
    for (const n of notes) out.push(`- ${md(n)}`);
    out.push('');
  }
  return out.join('\n');
}

function renderRetiredDocs(retired, out) {
  const parameters = [...retired.parameters].sort(([a], [b]) => compareNames(a, b)).flatMap(([cmdlet, items]) => items.map((r) => ({ cmdlet, ...r })));
  out.push('## Retired Teams parameters and cmdlets');
  out.push('');
  out.push(
    `Read from the history of the Teams pages up to the pinned commit (${retired.revisions} revisions of ${retired.pages} pages): a parameter is retired when an earlier revision of a page documented it (a \`### -Name\` heading in PARAMETERS) and the pinned page has no parameter or alias of that name (case aside); a cmdlet is retired when its page was deleted (not moved) and no current page has its name. The history follows the pages through the module's folders (\`teams/teams-ps/teams/\` until 2025) and, for the pages moved from \`skype/skype-ps/skype/\` in 2024 (they documented Skype for Business Online, whose cmdlets became the Teams module's), through that folder up to the move. The date is the commit date of the revision that removed it: the newest revision whose change dropped it, or, where the page was deleted and written again without it (${retired.fromOrder} parameters, marked *), the deletion. The linter uses them in Teams context to say when the reference dropped a parameter the script still passes.`,
  );
  out.push('');
  out.push(`### Retired parameters (${parameters.length}, on ${retired.parameters.size} cmdlets)`);
  out.push('');
  out.push('| cmdlet | parameter | removed | commit |');
  out.push('|---|---|---|---|');
  for (const r of parameters) out.push(`| ${r.cmdlet} | -${r.name} | ${r.removed}${r.fromOrder ? ' *' : ''} | \`${r.commit}\` |`);
  out.push('');
  out.push(`### Retired cmdlets (${retired.cmdlets.length})`);
  out.push('');
  out.push('| cmdlet | removed | commit |');
  out.push('|---|---|---|');
  for (const r of retired.cmdlets) out.push(`| ${r.name} | ${r.removed} | \`${r.commit}\` |`);
  out.push('');
}

const READING_RULES = [
  'Pages: every `.md` file of the module folder but the module overview; the cmdlet name is the page title (`# Name`), the file name when they differ in more than case.',
  'Versions of a Skype for Business cmdlet: its `applicable:` front matter; of a parameter: its `> Applicable:` line, else the cmdlet\'s. "Skype for Business Online" and "Microsoft Teams" are not server versions and are dropped; a parameter whose line names only them has no server version. "Skype for Business Server 2019" also means Subscription Edition.',
  "The official page: `https://learn.microsoft.com/powershell/module/<skypeforbusiness or microsoftteams>/<lower-case name>`, the link of the `online version:` front matter of nearly every page; the pages whose link differs in more than case (another module's path, docs.microsoft.com, none) are noted below.",
  'Parameter sets: one per SYNTAX block, named by its `###` heading ("(Default)" marks the default set); `__AllParameterSets` when there is one unnamed block.',
  'Set membership: the SYNTAX blocks that show the parameter; sets the yaml "Parameter Sets" line adds are kept, optional and named; a parameter no SYNTAX block shows follows the yaml line ("(All)" = every set).',
  'Required, Position and pipeline input follow the yaml block that covers the set; where the SYNTAX disagrees, the looser reading wins: not required (`disputedRequired`), positional (after the numbered ones), and a type whose values are not judged rather than Boolean or an integer. Positions are renumbered 0, 1, … per set in documented order.',
  'Types: the yaml Type, as written. Kinds are decided on the type without its namespace, C# keywords read as .NET names (string → String, Nullable Boolean → Boolean); the SYNTAX and the yaml are compared the same way, case aside. Kinds: Boolean → boolean, SwitchParameter → switch, an `Accepted values:` line → enum, integer types → integer, String and Fqdn → string, arrays and lists → list, *Identity and UserIdParameter → identity; any other type is not judged (object).',
  'Enum names on the federation pages come from their prose (listed below); elsewhere only from `Accepted values:`.',
  'Common parameters ([<CommonParameters>]) are never catalogued; a parameter only a SYNTAX block shows is kept, optional and named.',
  "Examples: the code blocks (``` or ```powershell fences) of the EXAMPLES section, read with lync-pic's own parser and binder.",
];

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

/** Every example code block, for the example-lint test. */
function examplesJson(result) {
  const out = [];
  for (const module of MODULES) {
    for (const c of result.modules[module.id]) {
      for (const e of c.examples) {
        out.push({
          module: module.id,
          cmdlet: c.name,
          path: c.path,
          heading: e.heading,
          line: e.line,
          serverVersions: c.versions.filter((v) => v !== 'teams'),
          code: e.code,
        });
      }
    }
  }
  return `${JSON.stringify({ commit: result.sha, examples: out })}\n`;
}

function printTable(result) {
  for (const module of MODULES) {
    const c = counts(result.modules[module.id]);
    const n = result.findings.contradictions.filter((x) => x.module === module.id).length;
    console.log(`${module.moduleName}: ${c.cmdlets} cmdlets, ${c.params} parameters, ${c.examples} examples, ${n} contradictions`);
  }
}

async function main(argv) {
  let mirror = DEFAULT_MIRROR;
  let out = DEFAULT_OUT;
  let docs = DEFAULT_DOCS;
  let examples;
  let quiet = false;
  let commit = PINNED_COMMIT;
  for (let i = 0; i < argv.length; i++) {
    if (argv[i] === '--out') out = resolve(argv[++i]);
    else if (argv[i] === '--docs') docs = resolve(argv[++i]);
    else if (argv[i] === '--examples') examples = resolve(argv[++i]);
    else if (argv[i] === '--commit') commit = argv[++i];
    else if (argv[i] === '--quiet') quiet = true;
    else if (argv[i].startsWith('-')) throw new Error(`unknown option ${argv[i]}`);
    else mirror = argv[i];
  }
  const result = await extract(mirror, { commit, engine: await loadEngine() });
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
  writeFileSync(docs, `${renderDocs(result)}\n`.replace(/\n+$/, '\n'));
  if (examples) writeFileSync(examples, examplesJson(result));
  if (!quiet) {
    printTable(result);
    console.log(`Wrote ${relative(process.cwd(), out)} (${text.length} bytes) and ${relative(process.cwd(), docs)} from ${result.sha}.`);
  }
}

if (process.argv[1] && import.meta.url === pathToFileURL(resolve(process.argv[1])).href) {
  main(process.argv.slice(2)).catch((err) => {
    console.error(`extract-catalog: ${err.message}`);
    process.exit(1);
  });
}
