/**
 * The compact form of the catalogue that scripts/extract-catalog.mjs writes to data.generated.ts, and its decoding.
 * A name index per module is cheap to build; a cmdlet's full spec is one JSON string, parsed on first use.
 *
 * Spec of a cmdlet: `[url, versions, sets, defaultSet, summary, parameters]`
 * - url: the official page, or '' for the module's `urlPrefix` + the lower-case name
 * - versions: a bit mask over `versions` (bit i = versions[i])
 * - sets: indexes into `table` (the parameter set names); defaultSet: an index into sets, or -1
 * - summary: the project's own one-line summary, or ''
 * Parameter: `[name, type, kind, versions, memberships, aliases?, enumValues?, summary?]`
 * - type: an index into `table`; kind: an index into `kinds`; versions: a bit mask
 * - memberships: 0 for "every set, optional, named, no pipeline input", else `[set, flags, position?][]` with set an
 *   index into the cmdlet's sets and flags 1 = required, 2 = pipeline input, 4 = required in dispute
 * - aliases: comma-separated, '' for none; enumValues: an index into `table` (comma-separated names), -1 for none
 *
 * Retired parameters and cmdlets (the Teams module only, read from the history of its pages): `retired` holds the
 * revisions that removed something once each, `YYYY-MM-DD commit` (the commit date, the commit shortened), and lists
 * `Name:revision Name:revision` (revision an index into `revisions`) per cmdlet and for the deleted cmdlets.
 */
import type { CatalogModule, CatalogVersion, CmdletSpec, ParameterSpec, RetiredParameter, SetMembership, ValueKind } from './types';

export interface EncodedModule {
  readonly urlPrefix: string;
  /** The cmdlet names, space-separated, in the order of `specs`. */
  readonly names: string;
  /** The cmdlets the project describes in its own words (with a summary), space-separated. */
  readonly described: string;
  readonly specs: readonly string[];
  /** What the module's reference documented once and dropped (the Teams module). */
  readonly retired?: EncodedRetired;
}

export interface EncodedRetired {
  /** The revisions that removed a parameter or a page: `YYYY-MM-DD commit`, oldest first. */
  readonly revisions: readonly string[];
  /** Per cmdlet (named as in `names`): its retired parameters, `Name:revision`, space-separated. */
  readonly parameters: Readonly<Record<string, string>>;
  /** The cmdlets whose page was deleted: `Name:revision`, space-separated. */
  readonly cmdlets: string;
}

export interface EncodedCatalog {
  /** The commit of MicrosoftDocs/office-docs-powershell the facts come from. */
  readonly commit: string;
  readonly versions: readonly string[];
  readonly kinds: readonly string[];
  /** Interned strings: type names, set names, enum name lists. */
  readonly table: readonly string[];
  readonly modules: Readonly<Record<CatalogModule, EncodedModule>>;
}

type EncodedMembership = [number, number, number?];
type EncodedParameter = [string, number, number, number, 0 | EncodedMembership[], string?, number?, string?];
type EncodedCmdlet = [string, number, number[], number, string, EncodedParameter[]];

/** The url (a JSON string) and the version mask at the start of an encoded cmdlet. */
const SPEC_HEAD = /^\["(?:[^"\\]|\\.)*",(\d+),/;

const REQUIRED = 1;
const PIPELINE = 2;
const DISPUTED_REQUIRED = 4;

/** Decodes cmdlets of one encoded catalogue; version lists are shared per mask. */
export class CatalogDecoder {
  private readonly versionLists = new Map<number, readonly CatalogVersion[]>();

  constructor(private readonly data: EncodedCatalog) {}

  decode(module: CatalogModule, name: string, index: number): CmdletSpec {
    const encodedModule = this.data.modules[module];
    const [url, versions, setIds, defaultSet, summary, parameters] = JSON.parse(encodedModule.specs[index]) as EncodedCmdlet;
    const parameterSets = setIds.map((id) => this.data.table[id]);
    return {
      name,
      module,
      summary,
      docsUrl: url || `${encodedModule.urlPrefix}${name.toLowerCase()}`,
      versions: this.versions(versions),
      parameterSets,
      ...(defaultSet >= 0 ? { defaultParameterSet: parameterSets[defaultSet] } : {}),
      parameters: parameters.map((p) => this.parameter(p, parameterSets)),
    };
  }

  /** The versions of one cmdlet, read from the head of its spec without parsing the rest. */
  versionsOf(module: CatalogModule, index: number): readonly CatalogVersion[] {
    const spec = this.data.modules[module].specs[index];
    const mask = SPEC_HEAD.exec(spec)?.[1];
    // The head always has this shape; a spec written otherwise is parsed whole.
    return this.versions(mask === undefined ? (JSON.parse(spec) as EncodedCmdlet)[1] : Number(mask));
  }

  private parameter(
    [name, type, kind, versions, memberships, aliases = '', enumValues = -1, summary = '']: EncodedParameter,
    sets: readonly string[],
  ): ParameterSpec {
    return {
      name,
      type: this.data.table[type],
      kind: this.data.kinds[kind] as ValueKind,
      ...(enumValues >= 0 ? { enumValues: this.data.table[enumValues].split(',') } : {}),
      ...(aliases ? { aliases: aliases.split(',') } : {}),
      sets: memberships === 0 ? sets.map((set) => ({ set, required: false, pipeline: false })) : memberships.map((m) => membership(m, sets)),
      versions: this.versions(versions),
      summary,
    };
  }

  private versions(mask: number): readonly CatalogVersion[] {
    let list = this.versionLists.get(mask);
    if (!list) {
      list = this.data.versions.filter((_, bit) => (mask & (1 << bit)) !== 0) as CatalogVersion[];
      this.versionLists.set(mask, list);
    }
    return list;
  }
}

function membership([set, flags, position]: EncodedMembership, sets: readonly string[]): SetMembership {
  return {
    set: sets[set],
    required: (flags & REQUIRED) !== 0,
    ...((flags & DISPUTED_REQUIRED) !== 0 ? { disputedRequired: true } : {}),
    ...(position !== undefined ? { position } : {}),
    pipeline: (flags & PIPELINE) !== 0,
  };
}

/** Decodes a `Name:revision Name:revision` list of retired names. */
export function decodeRetired(list: string, revisions: readonly string[]): RetiredParameter[] {
  return list
    .split(' ')
    .filter(Boolean)
    .map((item) => {
      const colon = item.lastIndexOf(':');
      const [removed, commit] = revisions[Number(item.slice(colon + 1))].split(' ');
      return { name: item.slice(0, colon), removed, commit };
    });
}
