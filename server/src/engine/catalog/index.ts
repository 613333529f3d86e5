import { CMDLETS, KNOWN_CS_CMDLET_NAMES } from './data.generated';
import type { CmdletSpec, ParameterSpec, ServerVersion, TargetVersion } from './types';
import { KeyedCache } from '../util/cache';

export * from './types';

/**
 * Where Microsoft's own pages disagree, the catalogue follows the setup guides an administrator runs:
 * the Lync Server 2013 Skype-connectivity page documents NameDecorationRoutingDomain and
 * NameDecorationExcludedDomainList from Lync Server 2013 CU5 on, while the cmdlet page lists them for
 * Skype for Business Server only. Judging them unavailable on Lync 2013 would flag the documented command.
 */
const VERSION_SUPPLEMENTS: Readonly<Record<string, Readonly<Record<string, readonly ServerVersion[]>>>> = {
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

function withSupplements(cmdlet: CmdletSpec): CmdletSpec {
  const supplements = VERSION_SUPPLEMENTS[cmdlet.name.toLowerCase()];
  if (!supplements) return cmdlet;
  const parameters = cmdlet.parameters.map((parameter) => {
    const extra = supplements[parameter.name.toLowerCase()];
    if (!extra) return parameter;
    const versions = [...new Set([...parameter.versions, ...extra])];
    return { ...parameter, versions: sortVersions(versions) };
  });
  return { ...cmdlet, parameters };
}

const VERSION_ORDER: readonly ServerVersion[] = ['lync2010', 'lync2013', 'sfb2015', 'sfb2019'];

function sortVersions(versions: readonly ServerVersion[]): ServerVersion[] {
  return [...versions].sort((a, b) => VERSION_ORDER.indexOf(a) - VERSION_ORDER.indexOf(b));
}

/** The cmdlet catalogue with case-insensitive look-ups. */
export class Catalog {
  private readonly byName = new Map<string, CmdletSpec>();
  /** Parameter names as written, resolved, per cmdlet. */
  private readonly resolved = new KeyedCache(resolveParameterName, 1_000);
  private readonly knownNames: ReadonlySet<string>;

  constructor(cmdlets: readonly CmdletSpec[], knownNames: readonly string[]) {
    for (const cmdlet of cmdlets) this.byName.set(cmdlet.name.toLowerCase(), withSupplements(cmdlet));
    this.knownNames = new Set([...knownNames, ...cmdlets.map((c) => c.name)].map((n) => n.toLowerCase()));
  }

  get cmdlets(): readonly CmdletSpec[] {
    return [...this.byName.values()];
  }

  cmdlet(name: string): CmdletSpec | undefined {
    return this.byName.get(name.toLowerCase());
  }

  /** True for any cmdlet of the Skype for Business Server module, catalogued in detail or not. */
  isKnownCmdletName(name: string): boolean {
    return this.knownNames.has(name.toLowerCase());
  }

  /**
   * Resolves a parameter name as PowerShell's binder does: an exact name or alias first,
   * then a unique prefix of the names and aliases, common parameters included.
   */
  resolveParameter(cmdlet: CmdletSpec, written: string): ParameterResolution {
    // Scripts write the same few names again and again: each is resolved once per cmdlet.
    return this.resolved.get(cmdlet, written);
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

/** Whether a parameter exists on the target version (`any`: on at least one version). */
export function availableOn(parameter: ParameterSpec, target: TargetVersion): boolean {
  return target === 'any' ? parameter.versions.length > 0 : parameter.versions.includes(target);
}

let defaultCatalog: Catalog | undefined;

/** The catalogue built from Microsoft's cmdlet reference. */
export function getCatalog(): Catalog {
  defaultCatalog ??= new Catalog(CMDLETS, KNOWN_CS_CMDLET_NAMES);
  return defaultCatalog;
}
