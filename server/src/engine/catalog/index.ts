import { ENCODED_CATALOG } from './data.generated';
import { CatalogDecoder, decodeRetired, type EncodedCatalog } from './encoded';
import type { CatalogModule, CatalogVersion, CmdletSpec, ParameterSpec, RetiredCmdlet, RetiredParameter, TargetVersion } from './types';
import { KeyedCache, Memo } from '../util/cache';

export * from './types';
export type { EncodedCatalog } from './encoded';

/**
 * Where Microsoft's own pages disagree, the catalogue follows the setup guides an administrator runs:
 * the Lync Server 2013 Skype-connectivity page documents NameDecorationRoutingDomain and
 * NameDecorationExcludedDomainList from Lync Server 2013 CU5 on, while the cmdlet page lists them for
 * Skype for Business Server only. Judging them unavailable on Lync 2013 would flag the documented command.
 */
const VERSION_SUPPLEMENTS: Readonly<Record<string, Readonly<Record<string, readonly CatalogVersion[]>>>> = {
  'new-cspublicprovider': {
    namedecorationroutingdomain: ['lync2013'],
    namedecorationexcludeddomainlist: ['lync2013'],
  },
};

/** PowerShell's common parameters (about_CommonParameters), with their aliases. */
export interface CommonParameter {
  readonly name: string;
  readonly aliases: readonly string[];
  readonly takesValue: boolean;
  readonly enumValues?: readonly string[];
}

const ACTION_PREFERENCE = ['SilentlyContinue', 'Stop', 'Continue', 'Inquire', 'Ignore', 'Suspend', 'Break'];

export const COMMON_PARAMETERS: readonly CommonParameter[] = [
  { name: 'Debug', aliases: ['db'], takesValue: false },
  { name: 'ErrorAction', aliases: ['ea'], takesValue: true, enumValues: ACTION_PREFERENCE },
  { name: 'ErrorVariable', aliases: ['ev'], takesValue: true },
  { name: 'InformationAction', aliases: ['infa'], takesValue: true, enumValues: ACTION_PREFERENCE },
  { name: 'InformationVariable', aliases: ['iv'], takesValue: true },
  { name: 'OutBuffer', aliases: ['ob'], takesValue: true },
  { name: 'OutVariable', aliases: ['ov'], takesValue: true },
  { name: 'PipelineVariable', aliases: ['pv'], takesValue: true },
  { name: 'ProgressAction', aliases: ['proga'], takesValue: true, enumValues: ACTION_PREFERENCE },
  { name: 'Verbose', aliases: ['vb'], takesValue: false },
  { name: 'WarningAction', aliases: ['wa'], takesValue: true, enumValues: ACTION_PREFERENCE },
  { name: 'WarningVariable', aliases: ['wv'], takesValue: true },
];

export type ParameterResolution =
  | { readonly status: 'parameter'; readonly parameter: ParameterSpec }
  | { readonly status: 'common'; readonly parameter: CommonParameter }
  | { readonly status: 'ambiguous'; readonly candidates: readonly string[] }
  | { readonly status: 'unknown' };

/** The module names a command can be qualified with (`SkypeForBusiness\Set-CsUser`), lower case. */
const MODULE_QUALIFIERS: Readonly<Record<string, CatalogModule>> = {
  skypeforbusiness: 'skype',
  lync: 'skype', // the module's name on Lync Server 2010 and 2013
  microsoftteams: 'teams',
};

/** A command name split at its module qualifier. */
export interface QualifiedName {
  /** The cmdlet name without the qualifier. */
  readonly name: string;
  /** The qualifier as written (`SkypeForBusiness`), if any. */
  readonly qualifier?: string;
  /** The module the qualifier names; undefined without a qualifier or for a module the catalogue does not know. */
  readonly module?: CatalogModule;
}

/** Splits `Module\Verb-Noun` into its parts: `SkypeForBusiness` and `Lync` name the Skype module, `MicrosoftTeams` the Teams one. */
export function splitModuleQualifiedName(written: string): QualifiedName {
  const slash = written.lastIndexOf('\\');
  if (slash < 0) return { name: written };
  const qualifier = written.slice(0, slash);
  const module = MODULE_QUALIFIERS[qualifier.toLowerCase()];
  return { name: written.slice(slash + 1), qualifier, ...(module ? { module } : {}) };
}

function withSupplements(cmdlet: CmdletSpec): CmdletSpec {
  const supplements = cmdlet.module === 'teams' ? undefined : VERSION_SUPPLEMENTS[cmdlet.name.toLowerCase()];
  if (!supplements) return cmdlet;
  const parameters = cmdlet.parameters.map((parameter) => {
    const extra = supplements[parameter.name.toLowerCase()];
    if (!extra) return parameter;
    const versions = [...new Set([...parameter.versions, ...extra])];
    return { ...parameter, versions: sortVersions(versions) };
  });
  return { ...cmdlet, parameters };
}

const VERSION_ORDER: readonly CatalogVersion[] = ['lync2010', 'lync2013', 'sfb2015', 'sfb2019', 'sfbse', 'teams'];

function sortVersions(versions: readonly CatalogVersion[]): CatalogVersion[] {
  return [...versions].sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
}

/** One module's cmdlets: a name index built on first use, each spec decoded on first use. */
class ModuleIndex {
  private index?: Map<string, number>;
  private nameList?: readonly string[];
  private readonly decoded = new Map<number, CmdletSpec>();
  private readonly versionsAt = new Map<number, readonly CatalogVersion[]>();
  private retiredByCmdlet?: Map<string, readonly RetiredParameter[]>;
  private retiredCmdletIndex?: Map<string, RetiredCmdlet>;

  constructor(
    private readonly module: CatalogModule,
    private readonly data: EncodedCatalog | undefined,
    private readonly decoder: CatalogDecoder | undefined,
  ) {}

  get names(): readonly string[] {
    this.nameList ??= this.data?.modules[this.module].names.split(' ').filter(Boolean) ?? [];
    return this.nameList;
  }

  has(lowerName: string): boolean {
    return this.lookup().has(lowerName);
  }

  cmdlet(lowerName: string): CmdletSpec | undefined {
    const at = this.lookup().get(lowerName);
    if (at === undefined || !this.decoder) return undefined;
    let spec = this.decoded.get(at);
    if (!spec) {
      spec = withSupplements(this.decoder.decode(this.module, this.names[at], at));
      this.decoded.set(at, spec);
    }
    return spec;
  }

  /** The versions of a cmdlet, without decoding its spec (a decoded one answers from its spec). */
  versions(lowerName: string): readonly CatalogVersion[] | undefined {
    const at = this.lookup().get(lowerName);
    if (at === undefined || !this.decoder) return undefined;
    let versions = this.decoded.get(at)?.versions ?? this.versionsAt.get(at);
    if (!versions) {
      versions = this.decoder.versionsOf(this.module, at);
      this.versionsAt.set(at, versions);
    }
    return versions;
  }

  /** The retired parameters of a cmdlet (lower-case name); the lists are decoded together on first use. */
  retiredParameters(lowerName: string): readonly RetiredParameter[] {
    if (!this.retiredByCmdlet) {
      this.retiredByCmdlet = new Map();
      const retired = this.data?.modules[this.module].retired;
      for (const [name, list] of Object.entries(retired?.parameters ?? {}))
        this.retiredByCmdlet.set(name.toLowerCase(), decodeRetired(list, retired?.revisions ?? []));
    }
    return this.retiredByCmdlet.get(lowerName) ?? [];
  }

  /** The cmdlets whose page was deleted, by lower-case name. */
  retiredCmdlets(): ReadonlyMap<string, RetiredCmdlet> {
    if (!this.retiredCmdletIndex) {
      const retired = this.data?.modules[this.module].retired;
      this.retiredCmdletIndex = new Map(decodeRetired(retired?.cmdlets ?? '', retired?.revisions ?? []).map((c) => [c.name.toLowerCase(), c]));
    }
    return this.retiredCmdletIndex;
  }

  /** The cmdlets described in the project's own words. */
  described(): CmdletSpec[] {
    const names = this.data?.modules[this.module].described.split(' ').filter(Boolean) ?? [];
    return names.map((n) => this.cmdlet(n.toLowerCase())).filter((c): c is CmdletSpec => c !== undefined);
  }

  private lookup(): Map<string, number> {
    if (!this.index) {
      this.index = new Map();
      this.names.forEach((name, i) => this.index?.set(name.toLowerCase(), i));
    }
    return this.index;
  }
}

/**
 * The cmdlet catalogue with case-insensitive look-ups, per module (`skype`, the default, or `teams`). Specs given to
 * the constructor (tests, the extractor) come first; the encoded data holds every cmdlet of both modules.
 */
export class Catalog {
  private readonly given = new Map<string, CmdletSpec>();
  /** Parameter names as written, resolved, per cmdlet. */
  private readonly resolved = new KeyedCache(resolveParameterName, 1_000);
  private readonly knownNames: ReadonlySet<string>;
  private readonly modules: Readonly<Record<CatalogModule, ModuleIndex>>;
  private describedCache?: readonly CmdletSpec[];
  /**
   * Each module's cmdlets by their names as written (null: none of that name): scripts write the same few names
   * thousands of times, and a look-up by the written name spares lower-casing it each time. Up to 10,000 names each.
   */
  private readonly byWrittenName: Readonly<Record<CatalogModule, Memo<string, CmdletSpec | null>>> = {
    skype: new Memo((name) => this.cmdletOfLowerName(name.toLowerCase(), 'skype') ?? null, 10_000),
    teams: new Memo((name) => this.cmdletOfLowerName(name.toLowerCase(), 'teams') ?? null, 10_000),
  };

  constructor(cmdlets: readonly CmdletSpec[], knownNames: readonly string[], data?: EncodedCatalog) {
    for (const cmdlet of cmdlets) this.given.set(cmdlet.name.toLowerCase(), withSupplements(cmdlet));
    this.knownNames = new Set([...knownNames, ...cmdlets.map((c) => c.name)].map((n) => n.toLowerCase()));
    const decoder = data && new CatalogDecoder(data);
    this.modules = { skype: new ModuleIndex('skype', data, decoder), teams: new ModuleIndex('teams', data, decoder) };
  }

  /** The commit of Microsoft's reference the encoded facts come from, if any. */
  static readonly docsCommit: string = ENCODED_CATALOG.commit;

  /**
   * The Skype module's cmdlets described in this project's own words (the federation cmdlets, with a summary),
   * and the specs given to the constructor. Every other cmdlet is reached by name: `cmdlet`, `cmdletNames`.
   */
  get cmdlets(): readonly CmdletSpec[] {
    this.describedCache ??= [...this.given.values(), ...this.modules.skype.described().filter((c) => !this.given.has(c.name.toLowerCase()))];
    return this.describedCache;
  }

  /** The cmdlet of this exact name (any case) in a module, decoded on first use. */
  cmdlet(name: string, module: CatalogModule = 'skype'): CmdletSpec | undefined {
    return this.byWrittenName[module].get(name) ?? undefined;
  }

  private cmdletOfLowerName(lower: string, module: CatalogModule): CmdletSpec | undefined {
    if (module === 'skype') {
      const given = this.given.get(lower);
      if (given) return given;
    }
    return this.modules[module].cmdlet(lower);
  }

  /** Every cmdlet name of a module, as the reference spells it (cheap: no spec is decoded). */
  cmdletNames(module: CatalogModule = 'skype'): readonly string[] {
    return this.modules[module].names;
  }

  /**
   * The versions a cmdlet of the module exists in, read without decoding its spec: cheap enough to ask for every
   * name of a module (cmdlet name completion filtered by the target version). Undefined for an unknown name.
   */
  cmdletVersions(name: string, module: CatalogModule = 'skype'): readonly CatalogVersion[] | undefined {
    const lower = name.toLowerCase();
    if (module === 'skype') {
      const given = this.given.get(lower);
      if (given) return given.versions;
    }
    return this.modules[module].versions(lower);
  }

  /** True for any cmdlet of the module (the Skype for Business Server module by default). */
  isKnownCmdletName(name: string, module: CatalogModule = 'skype'): boolean {
    const lower = name.toLowerCase();
    return (module === 'skype' && this.knownNames.has(lower)) || this.modules[module].has(lower);
  }

  /**
   * The cmdlet a command name refers to, module qualifier included: `SkypeForBusiness\Set-CsUser` and
   * `Lync\Get-CsUser` look in the Skype module, `MicrosoftTeams\Set-CsUser` in the Teams one, a name without a
   * qualifier in `module`. Undefined for a qualifier of another module.
   */
  resolveCommandName(written: string, module: CatalogModule = 'skype'): CmdletSpec | undefined {
    const qualified = splitModuleQualifiedName(written);
    if (qualified.qualifier !== undefined && !qualified.module) return undefined;
    return this.cmdlet(qualified.name, qualified.module ?? module);
  }

  /**
   * Resolves a parameter name as PowerShell's binder does: an exact name or alias first,
   * then a unique prefix of the names and aliases, common parameters included.
   */
  resolveParameter(cmdlet: CmdletSpec, written: string): ParameterResolution {
    // Scripts write the same few names again and again: each is resolved once per cmdlet.
    return this.resolved.get(cmdlet, written);
  }

  /**
   * The parameters an earlier revision of the cmdlet's page documented and the pinned reference does not, with the
   * date and commit of the revision that removed each (by name). Only the Teams module has them (read from the
   * history of its pages); a cmdlet of the Skype module, or a spec given by hand without `module: 'teams'`, has none.
   */
  retiredParameters(cmdlet: CmdletSpec): readonly RetiredParameter[] {
    return this.modules[cmdlet.module ?? 'skype'].retiredParameters(cmdlet.name.toLowerCase());
  }

  /**
   * The retired parameter a written parameter name (without its dash) means, when it resolves to no current parameter
   * of the cmdlet (nor a common parameter, nor an ambiguous prefix of them): a retired name written in full (any case),
   * else the one retired name it is a prefix of. Undefined when it resolves to a current parameter, when no retired
   * name matches, or when it is a prefix of several.
   */
  retiredParameter(cmdlet: CmdletSpec, written: string): RetiredParameter | undefined {
    const retired = this.retiredParameters(cmdlet);
    if (retired.length === 0 || this.resolveParameter(cmdlet, written).status !== 'unknown') return undefined;
    const lower = written.toLowerCase();
    const exact = retired.find((r) => r.name.toLowerCase() === lower);
    if (exact) return exact;
    const prefixed = retired.filter((r) => r.name.toLowerCase().startsWith(lower));
    return prefixed.length === 1 ? prefixed[0] : undefined;
  }

  /**
   * A cmdlet whose page the module's reference deleted, with the date and commit of the deletion (the Teams module
   * only); undefined for a current cmdlet of the module or a name the reference never had.
   */
  retiredCmdlet(name: string, module: CatalogModule): RetiredCmdlet | undefined {
    if (this.isKnownCmdletName(name, module)) return undefined;
    return this.modules[module].retiredCmdlets().get(name.toLowerCase());
  }

  /** Every retired cmdlet of a module (the Teams module only has them), in name order. */
  retiredCmdlets(module: CatalogModule): readonly RetiredCmdlet[] {
    return [...this.modules[module].retiredCmdlets().values()];
  }
}

function resolveParameterName(cmdlet: CmdletSpec, written: string): ParameterResolution {
  const lower = written.toLowerCase();
  const candidates = parameterCandidates(cmdlet);
  const exact = candidates.find((c) => c.names.some((n) => n === lower));
  if (exact) return exact.resolution;
  const prefixed = candidates.filter((c) => c.names.some((n) => n.startsWith(lower)));
  if (prefixed.length === 1) return prefixed[0].resolution;
  if (prefixed.length > 1) return { status: 'ambiguous', candidates: prefixed.map((c) => c.displayName) };
  return { status: 'unknown' };
}

interface Candidate {
  readonly names: readonly string[];
  readonly displayName: string;
  readonly resolution: ParameterResolution;
}

const candidateCache = new WeakMap<CmdletSpec, Candidate[]>();

function parameterCandidates(cmdlet: CmdletSpec): Candidate[] {
  let cached = candidateCache.get(cmdlet);
  if (cached) return cached;
  cached = [
    ...cmdlet.parameters.map((parameter): Candidate => ({
      names: [parameter.name, ...(parameter.aliases ?? [])].map((n) => n.toLowerCase()),
      displayName: parameter.name,
      resolution: { status: 'parameter', parameter },
    })),
    ...COMMON_PARAMETERS.map((parameter): Candidate => ({
      names: [parameter.name, ...parameter.aliases].map((n) => n.toLowerCase()),
      displayName: parameter.name,
      resolution: { status: 'common', parameter },
    })),
  ];
  candidateCache.set(cmdlet, cached);
  return cached;
}

/** Whether a parameter exists on the target version (`any`: on at least one server version). */
export function availableOn(parameterOrCmdlet: { readonly versions: readonly CatalogVersion[] }, target: TargetVersion): boolean {
  const versions = parameterOrCmdlet.versions;
  // (A named predicate: an arrow here was a new closure at each of the binder's and rules' many calls.)
  return target === 'any' ? versions.some(isServerVersion) : versions.includes(target);
}

function isServerVersion(version: CatalogVersion): boolean {
  return version !== 'teams';
}

/** The Skype module's cmdlet names with a Cs noun (`Import-CSAnnouncementFile` spells it CS). */
export function csCmdletNames(catalog: Catalog): string[] {
  return catalog.cmdletNames('skype').filter((name) => /^[A-Z][a-z]+-Cs[A-Za-z0-9]*$/i.test(name));
}

let defaultCatalog: Catalog | undefined;

/** The catalogue built from Microsoft's cmdlet reference: both modules, decoded cmdlet by cmdlet on first use. */
export function getCatalog(): Catalog {
  defaultCatalog ??= new Catalog([], [], ENCODED_CATALOG);
  return defaultCatalog;
}
