/**
 * Descriptions of cmdlets and parameters built from the catalogue: the syntax per parameter set, version
 * lists, and the Markdown that hover and completion show. Also the documented literal values that completion
 * offers and the grammar marks.
 */
import {
  availableOn,
  SERVER_VERSION_NAMES,
  type CmdletSpec,
  type CommonParameter,
  type ParameterSpec,
  type SetMembership,
  type CatalogVersion,
  type TargetVersion,
} from './catalog';
import { SKYPE } from './skype';

/** A value the setup guides pass to a parameter, as it is written on the command line. */
export interface DocumentedValue {
  readonly text: string;
  /** Where it comes from and what it is for, in a few words. */
  readonly note: string;
}

const COMMAND = 'from the documented Skype connectivity command (Skype for Business Server and Lync Server 2013 setup pages)';

/** Documented values of New-CsPublicProvider's parameters, by lower-case parameter name. */
const NEW_PUBLIC_PROVIDER_VALUES: Readonly<Record<string, readonly DocumentedValue[]>> = {
  identity: [{ text: SKYPE.identity, note: `the Skype provider's Identity, ${COMMAND}` }],
  proxyfqdn: [{ text: SKYPE.proxyFqdn, note: `the Microsoft-run Skype federation edge, ${COMMAND}` }],
  iconurl: [{ text: SKYPE.iconUrl, note: `the Skype icon, ${COMMAND}` }],
  namedecorationroutingdomain: [{ text: SKYPE.routingDomain, note: `the setup pages say it should be msn.com` }],
  namedecorationexcludeddomainlist: [{ text: `"${SKYPE.excludedDomainList}"`, note: `one comma-separated string, not an array, ${COMMAND}` }],
};

/** The documented literal values for a parameter of a cmdlet (empty when none are documented). */
export function documentedValues(cmdlet: CmdletSpec, parameter: ParameterSpec): readonly DocumentedValue[] {
  const cmdletName = cmdlet.name.toLowerCase();
  const parameterName = parameter.name.toLowerCase();
  if (cmdletName === 'new-cspublicprovider') return NEW_PUBLIC_PROVIDER_VALUES[parameterName] ?? [];
  // The other public-provider cmdlets name the same entry.
  if (cmdletName.endsWith('-cspublicprovider') && parameterName === 'identity') return NEW_PUBLIC_PROVIDER_VALUES.identity;
  return [];
}

/** The type whose numeric values the VerificationLevel reading below applies to. */
export const VERIFICATION_LEVEL_TYPE = 'VerificationLevelType';

/**
 * The name a number stands for on a VerificationLevelType parameter, read from the documented order of the
 * names (0 AlwaysVerifiable, 1 AlwaysUnverifiable, 2 UseSourceVerification). No page gives the numbers:
 * this is an inference.
 */
export function verificationLevelName(parameter: ParameterSpec, value: string): string | undefined {
  if (parameter.type !== VERIFICATION_LEVEL_TYPE || !/^\d+$/.test(value)) return undefined;
  return parameter.enumValues?.[Number(value)];
}

/** Whether the documentation calls this value deprecated for the target (UseSourceVerification on a public provider on Skype for Business Server). */
export function isDeprecatedValue(cmdlet: CmdletSpec, parameter: ParameterSpec, value: string, target: TargetVersion): boolean {
  return (
    /-cspublicprovider$/i.test(cmdlet.name) &&
    parameter.type === VERIFICATION_LEVEL_TYPE &&
    value.toLowerCase() === 'usesourceverification' &&
    (target === 'sfb2015' || target === 'sfb2019' || target === 'sfbse')
  );
}

export function versionList(versions: readonly CatalogVersion[]): string {
  return versions.length === 0
    ? 'no on-premises server (Microsoft Teams or Skype for Business Online only)'
    : versions.map((v) => SERVER_VERSION_NAMES[v]).join(', ');
}

/** How a parameter is used in each of its sets: `required`, `optional`, or per set. */
export function requirement(parameter: ParameterSpec, sets?: readonly string[]): string {
  const memberships = parameter.sets.filter((s) => !sets || sets.includes(s.set));
  if (memberships.length === 0) return 'optional';
  const required = memberships.filter((s) => s.required).map((s) => s.set);
  if (required.length === memberships.length) return 'required';
  if (required.length === 0) return 'optional';
  return `required in ${required.join(', ')}`;
}

const SYNTAX_WIDTH = 100;

/** The syntax of one parameter set, PowerShell style: `Name [-Identity] <Type> -Required <Type> [-Optional <Type>] [-Switch] [<CommonParameters>]`. */
export function setSyntax(cmdlet: CmdletSpec, set: string, target: TargetVersion = 'any'): string {
  const members = cmdlet.parameters.flatMap((parameter) => {
    const membership = parameter.sets.find((s) => s.set === set);
    return membership && availableOn(parameter, target) ? [{ parameter, membership }] : [];
  });
  const positional = members.filter((m) => m.membership.position !== undefined).sort((a, b) => (a.membership.position ?? 0) - (b.membership.position ?? 0));
  const named = members.filter((m) => m.membership.position === undefined);
  const ordered = [...positional, ...named.filter((m) => m.membership.required), ...named.filter((m) => !m.membership.required)];
  const parts = ordered.map(({ parameter, membership }) => {
    const name = `-${parameter.name}`;
    if (parameter.kind === 'switch') return membership.required ? name : `[${name}]`;
    const typed = membership.position !== undefined ? `[${name}] <${parameter.type}>` : `${name} <${parameter.type}>`;
    return membership.required ? typed : `[${typed}]`;
  });
  return wrap([cmdlet.name, ...parts, '[<CommonParameters>]']);
}

function wrap(parts: readonly string[]): string {
  const lines: string[] = [];
  let line = '';
  for (const part of parts) {
    if (line && line.length + 1 + part.length > SYNTAX_WIDTH) {
      lines.push(line);
      line = `    ${part}`;
    } else {
      line = line ? `${line} ${part}` : part;
    }
  }
  lines.push(line);
  return lines.join('\n');
}

/** The syntax of every parameter set, one block each, labelled by set name when there are several. */
export function syntaxBlock(cmdlet: CmdletSpec, target: TargetVersion = 'any'): string {
  const sets = cmdlet.parameterSets;
  const blocks = sets.map((set) => (sets.length > 1 ? `# Parameter set: ${setLabel(cmdlet, set)}\n` : '') + setSyntax(cmdlet, set, target));
  return ['```powershell', blocks.join('\n\n'), '```'].join('\n');
}

function targetNote(versions: readonly CatalogVersion[], target: TargetVersion, what: string): string | undefined {
  if (target === 'any' || versions.includes(target)) return undefined;
  return `**Not available on ${SERVER_VERSION_NAMES[target]}** (the target version): ${what} exists on ${versionList(versions)}.`;
}

/** Hover text for a cmdlet: summary, syntax per set, versions, link to the official page. */
export function cmdletMarkdown(cmdlet: CmdletSpec, target: TargetVersion = 'any'): string {
  // Only the federation cmdlets have a summary in the project's own words; the others show the facts alone.
  const lines = [`**${cmdlet.name}**`, '', ...(cmdlet.summary ? [cmdlet.summary, ''] : []), syntaxBlock(cmdlet, target), ''];
  const note = targetNote(cmdlet.versions, target, 'this cmdlet');
  if (note) lines.push(note, '');
  if (target !== 'any') lines.push(`Parameters shown: those of ${SERVER_VERSION_NAMES[target]}.`, '');
  lines.push(`Versions: ${versionList(cmdlet.versions)}`, '', `[Official reference: ${cmdlet.name}](${cmdlet.docsUrl})`);
  return lines.join('\n');
}

/** Text describing the values a parameter takes. */
function valuesLine(cmdlet: CmdletSpec, parameter: ParameterSpec, target: TargetVersion): string | undefined {
  switch (parameter.kind) {
    case 'boolean':
      return 'Values: `$true` or `$false` (`1` and `0` are accepted too)';
    case 'switch':
      return 'A switch: write `-' + parameter.name + '` alone, or `-' + parameter.name + ':$false`';
    case 'enum': {
      const names = (parameter.enumValues ?? []).map(
        (v) => '`' + v + '`' + (isDeprecatedValue(cmdlet, parameter, v, target) ? ' (deprecated on Skype for Business Server)' : ''),
      );
      let line = `Allowed values: ${names.join(', ')}`;
      if (parameter.type === VERIFICATION_LEVEL_TYPE) line += '; a number is accepted too (no page documents which number means which name)';
      return line;
    }
    case 'integer':
      return 'Value: a whole number';
    default:
      return undefined;
  }
}

/** The position a parameter has in every one of the sets (undefined when named, or when the sets differ). */
function commonPosition(memberships: readonly SetMembership[]): number | undefined {
  const positions = new Set(memberships.map((s) => s.position));
  return positions.size === 1 ? memberships[0].position : undefined;
}

/**
 * One short line for a parameter in a completion list, among the sets still possible: type, required or not,
 * its position when it has the same one in each, and its sets when it is not in all of them.
 * E.g. `UserIdParameter · required · position 0`, `SwitchParameter · optional · set GrantToTenant`.
 */
export function parameterDetail(parameter: ParameterSpec, sets: readonly string[]): string {
  const memberships = parameter.sets.filter((s) => sets.includes(s.set));
  const facts = [parameter.type, requirement(parameter, sets)];
  const position = memberships.length > 0 ? commonPosition(memberships) : undefined;
  if (position !== undefined) facts.push(`position ${position}`);
  if (memberships.length > 0 && memberships.length < sets.length) {
    facts.push(`${memberships.length === 1 ? 'set' : 'sets'} ${memberships.map((s) => s.set).join(', ')}`);
  }
  return facts.join(' · ');
}

/** How a parameter is used in one set: `required, position 0, accepts pipeline input`. */
function usage(membership: SetMembership): string {
  const facts = [membership.required ? 'required' : membership.disputedRequired ? 'optional (the reference disagrees with itself on required)' : 'optional'];
  facts.push(membership.position !== undefined ? `position ${membership.position}` : 'named');
  if (membership.pipeline) facts.push('accepts pipeline input');
  return facts.join(', ');
}

/**
 * Hover text for a parameter of a cmdlet: type, required or not and position (per set when the cmdlet has several),
 * pipeline input, allowed values, aliases, versions.
 */
export function parameterMarkdown(cmdlet: CmdletSpec, parameter: ParameterSpec, target: TargetVersion = 'any'): string {
  const memberships = parameter.sets;
  const position = commonPosition(memberships);
  const facts = [`\`${parameter.type}\``, requirement(parameter)];
  if (position !== undefined) facts.push(`position ${position}`);
  else if (memberships.some((s) => s.position !== undefined)) facts.push('position per set');
  const lines = [`**-${parameter.name}** · ${facts.join(' · ')}`, '', `Parameter of ${cmdlet.name}.${parameter.summary ? ` ${parameter.summary}` : ''}`, ''];
  const values = valuesLine(cmdlet, parameter, target);
  if (values) lines.push(values, '');
  for (const documented of documentedValues(cmdlet, parameter)) lines.push(`Documented value: \`${documented.text}\`: ${documented.note}`, '');
  if (parameter.aliases?.length) lines.push(`Aliases: ${parameter.aliases.map((a) => `\`-${a}\``).join(', ')}`, '');
  if (cmdlet.parameterSets.length > 1) {
    lines.push('Parameter sets:', ...memberships.map((s) => `- ${setLabel(cmdlet, s.set)}: ${usage(s)}`), '');
  } else if (memberships.length === 1) {
    lines.push(`Usage: ${usage(memberships[0])}`, '');
  }
  const note = targetNote(parameter.versions, target, 'this parameter');
  if (note) lines.push(note, '');
  lines.push(`Versions: ${versionList(parameter.versions)}`);
  return lines.join('\n');
}

/** A set's name as shown, with `(default)` for the cmdlet's default set. */
function setLabel(cmdlet: CmdletSpec, set: string): string {
  return cmdlet.defaultParameterSet === set && cmdlet.parameterSets.length > 1 ? `${set} (default)` : set;
}

/** Hover text for one of PowerShell's common parameters. */
export function commonParameterMarkdown(parameter: CommonParameter): string {
  const lines = [`**-${parameter.name}** · common parameter`, '', 'One of the parameters every cmdlet accepts (about_CommonParameters).'];
  if (parameter.enumValues) lines.push('', `Allowed values: ${parameter.enumValues.map((v) => `\`${v}\``).join(', ')}`);
  if (parameter.aliases.length) lines.push('', `Aliases: ${parameter.aliases.map((a) => `\`-${a}\``).join(', ')}`);
  return lines.join('\n');
}

/** Hover text for a number written as a VerificationLevel. */
export function verificationLevelNumberMarkdown(parameter: ParameterSpec, value: string): string {
  const names = parameter.enumValues ?? [];
  const name = verificationLevelName(parameter, value);
  const order = names.map((n, i) => `${i} ${n}`).join(', ');
  const head = name ? `**-${parameter.name} ${value}** probably means \`${name}\`` : `**-${parameter.name} ${value}**: no documented name matches this number`;
  return [
    head,
    '',
    `No Microsoft page gives the numeric values of ${parameter.type}. Read in the documented order of the names, counting from 0 (${order}), ` +
      `${value} ${name ? `is ${name}` : 'is past the last name'}: an inference, not a documented fact. ` +
      'The Lync Server 2013 Skype-connectivity page passes `-VerificationLevel 2`.',
    ...(name ? ['', `Writing the name (\`-${parameter.name} ${name}\`) says the same without relying on the number.`] : []),
  ].join('\n');
}
