/** Typed facts about cmdlets, taken from Microsoft's published cmdlet reference. */

/**
 * Server versions a script can target, oldest first. Skype for Business Server Subscription Edition (`sfbse`) has
 * no applicability of its own in the reference: the catalogue gives it the facts of Skype for Business Server 2019.
 */
export const SERVER_VERSIONS = ['lync2010', 'lync2013', 'sfb2015', 'sfb2019', 'sfbse'] as const;
export type ServerVersion = (typeof SERVER_VERSIONS)[number];

/** What a catalogued cmdlet or parameter can apply to: the server versions, and Microsoft Teams (its own module). */
export const CATALOG_VERSIONS = [...SERVER_VERSIONS, 'teams'] as const;
export type CatalogVersion = (typeof CATALOG_VERSIONS)[number];

/**
 * What a script can target: `any` accepts what any supported server version accepts; `teams` checks the Cs cmdlets
 * that the MicrosoftTeams module has against it (the others stay server cmdlets).
 */
export type TargetVersion = CatalogVersion | 'any';
export const LINT_TARGETS: readonly TargetVersion[] = ['any', ...CATALOG_VERSIONS];

export const SERVER_VERSION_NAMES: Readonly<Record<CatalogVersion, string>> = {
  lync2010: 'Lync Server 2010',
  lync2013: 'Lync Server 2013',
  sfb2015: 'Skype for Business Server 2015',
  sfb2019: 'Skype for Business Server 2019',
  sfbse: 'Skype for Business Server Subscription Edition',
  teams: 'Microsoft Teams',
};

/** The PowerShell modules the catalogue knows: SkypeForBusiness (with Lync, its older name) and MicrosoftTeams. */
export const CATALOG_MODULES = ['skype', 'teams'] as const;
export type CatalogModule = (typeof CATALOG_MODULES)[number];

/**
 * How a value of the parameter is judged.
 * - boolean: `$true`/`$false`/`1`/`0`
 * - switch: present or not; a value only in the colon form (`-Force:$false`)
 * - enum: one of `enumValues` (case-insensitive) or an integer
 * - integer: a whole number
 * - string, identity, object, list: any value (not judged by type)
 */
export type ValueKind = 'boolean' | 'switch' | 'enum' | 'integer' | 'string' | 'identity' | 'object' | 'list';

/** A parameter's role in one parameter set. */
export interface SetMembership {
  readonly set: string;
  readonly required: boolean;
  /**
   * The page contradicts itself on whether the parameter is required in this set (the yaml says so, but the
   * SYNTAX or an example of the same page leaves it out): `required` is then false, so that no rule reports an
   * error on a disputed fact; a rule may mention it at a lower severity. See docs/catalog.md.
   */
  readonly disputedRequired?: boolean;
  /** Zero-based position for positional binding, or undefined when the parameter is named only. */
  readonly position?: number;
  /** Whether the value can come from the pipeline (by value or by property name). */
  readonly pipeline: boolean;
}

export interface ParameterSpec {
  readonly name: string;
  /** The .NET type as the reference names it, e.g. `Boolean`, `XdsGlobalRelativeIdentity`. */
  readonly type: string;
  readonly kind: ValueKind;
  readonly enumValues?: readonly string[];
  readonly aliases?: readonly string[];
  /** One entry per parameter set the parameter belongs to. */
  readonly sets: readonly SetMembership[];
  /** Versions that have this parameter (`teams` for the parameters of the Teams module). */
  readonly versions: readonly CatalogVersion[];
  /** A one-line description, in this project's own words; empty when the project has not written one. */
  readonly summary: string;
}

export interface CmdletSpec {
  readonly name: string;
  /** The module the cmdlet belongs to; `skype` when not said (specs written by hand in tests). */
  readonly module?: CatalogModule;
  /** A one-line description, in this project's own words; empty when the project has not written one. */
  readonly summary: string;
  /** The official reference page. */
  readonly docsUrl: string;
  readonly versions: readonly CatalogVersion[];
  /** Parameter set names, as the reference names them (`__AllParameterSets` when there is one unnamed set). */
  readonly parameterSets: readonly string[];
  readonly defaultParameterSet?: string;
  readonly parameters: readonly ParameterSpec[];
}

/**
 * A parameter an earlier revision of the cmdlet's page documented and the pinned reference does not (the Teams module:
 * read from the history of its pages, see docs/catalog.md).
 */
export interface RetiredParameter {
  /** The name as the page last documented it. */
  readonly name: string;
  /** The commit date of the revision that removed it, `YYYY-MM-DD`. */
  readonly removed: string;
  /** That revision's commit in MicrosoftDocs/office-docs-powershell, shortened (8 hex digits). */
  readonly commit: string;
}

/** A cmdlet whose page the module's reference deleted (the Teams module); same fields as a retired parameter. */
export type RetiredCmdlet = RetiredParameter;
