/** Typed facts about cmdlets, taken from Microsoft's published cmdlet reference. */

/** Server versions a script can target, oldest first. */
export const SERVER_VERSIONS = ['lync2010', 'lync2013', 'sfb2015', 'sfb2019'] as const;
export type ServerVersion = (typeof SERVER_VERSIONS)[number];
/** `any` means: accept what any supported version accepts. */
export type TargetVersion = ServerVersion | 'any';

export const SERVER_VERSION_NAMES: Readonly<Record<ServerVersion, string>> = {
  lync2010: 'Lync Server 2010',
  lync2013: 'Lync Server 2013',
  sfb2015: 'Skype for Business Server 2015',
  sfb2019: 'Skype for Business Server 2019',
};

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
  /** Server versions that have this parameter. */
  readonly versions: readonly ServerVersion[];
  /** A one-line description, in this project's own words. */
  readonly summary: string;
}

export interface CmdletSpec {
  readonly name: string;
  /** A one-line description, in this project's own words. */
  readonly summary: string;
  /** The official reference page. */
  readonly docsUrl: string;
  readonly versions: readonly ServerVersion[];
  /** Parameter set names, as the reference names them (`__AllParameterSets` when there is one unnamed set). */
  readonly parameterSets: readonly string[];
  readonly defaultParameterSet?: string;
  readonly parameters: readonly ParameterSpec[];
}
