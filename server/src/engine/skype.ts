import type { BoundCommand, BoundParameter } from './bind';
import type { CmdletSpec, TargetVersion } from './catalog/types';
import { equalIgnoringAsciiCase } from './util/ascii';
import { withinDistance } from './util/distance';

/** The documented values of the Skype public provider (Skype for Business Server and Lync Server 2013 setup pages). */
export const SKYPE = {
  identity: 'Skype',
  proxyFqdn: 'federation.messenger.msn.com',
  routingDomain: 'msn.com',
  excludedDomainList: 'msn.com,outlook.com,live.com,hotmail.com',
  iconUrl: 'https://images.edge.messenger.live.com/Messenger_16x16.png',
} as const;

/**
 * The documented Skype provider command for a target version.
 * - Skype for Business Server (and `any`): the command of "Deploy Skype connectivity".
 * - Lync Server 2013: the command of "Enabling Lync-Skype connectivity" (VerificationLevel 2, Enabled 1,
 *   NameDecoration* from Lync Server 2013 CU5 on).
 * - Lync Server 2010: no page documents one; this is the Lync 2013 command without the parameters that
 *   Lync Server 2010 does not have (IconUrl and NameDecoration*, per the cmdlet reference).
 */
export function documentedSkypeProviderCommand(target: TargetVersion): string {
  const quotedList = `"${SKYPE.excludedDomainList}"`;
  switch (target) {
    case 'lync2010':
      return `New-CsPublicProvider -Identity ${SKYPE.identity} -ProxyFqdn ${SKYPE.proxyFqdn} -VerificationLevel 2 -Enabled 1`;
    case 'lync2013':
      return `New-CsPublicProvider -ProxyFqdn ${SKYPE.proxyFqdn} -Enabled 1 -Identity ${SKYPE.identity} -VerificationLevel 2 -NameDecorationRoutingDomain ${SKYPE.routingDomain} -NameDecorationExcludedDomainList ${quotedList} -IconUrl "${SKYPE.iconUrl}"`;
    default:
      return `New-CsPublicProvider -Identity ${SKYPE.identity} -ProxyFqdn ${SKYPE.proxyFqdn} -IconUrl ${SKYPE.iconUrl} -NameDecorationRoutingDomain ${SKYPE.routingDomain} -NameDecorationExcludedDomainList ${quotedList} -Enabled $true -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true`;
  }
}

/** Removes a public provider only if it exists, so that a script can run twice. */
export function guardedRemoveCommand(identity: string): string {
  const quoted = `'${identity.replace(/'/g, "''")}'`;
  return `if (Get-CsPublicProvider -Identity ${quoted} -ErrorAction SilentlyContinue) { Remove-CsPublicProvider -Identity ${quoted} -Confirm:$false }`;
}

/** Identities under which the Skype (formerly Messenger) provider is configured. */
const SKYPE_IDENTITIES = new Set(['skype', 'messenger']);

/** The bound parameter with this name (in any case: parameter names are ASCII), if the command has it. */
export function parameterNamed(bound: BoundCommand, name: string): BoundParameter | undefined {
  for (const binding of bound.parameters) if (equalIgnoringAsciiCase(binding.parameter.name, name)) return binding;
  return undefined;
}

/** The literal value of a parameter: a bareword, a constant string or a number; undefined when computed. */
export function literalOf(binding: BoundParameter | undefined): string | undefined {
  const value = binding?.value;
  return value && (value.kind === 'bareword' || value.kind === 'string' || value.kind === 'number') ? value.literal : undefined;
}

/** A ProxyFqdn that is the documented one or a near miss of it (a typo, a missing letter). */
export function looksLikeSkypeProxy(fqdn: string): boolean {
  let result = proxyLookalikes.get(fqdn);
  if (result === undefined) {
    const lower = fqdn.toLowerCase().replace(/\.$/, '');
    result = lower.includes('messenger.msn') || withinDistance(lower, SKYPE.proxyFqdn, 4);
    if (proxyLookalikes.size < 1_000) proxyLookalikes.set(fqdn, result);
  }
  return result;
}

/** A script repeats its ProxyFqdn values: each is compared with the documented one once. */
const proxyLookalikes = new Map<string, boolean>();

/**
 * Whether a public-provider command configures the Skype / Messenger provider: by its Identity,
 * by routing name-decorated addresses to msn.com, or by a ProxyFqdn close to the documented one.
 */
export function isSkypeProvider(bound: BoundCommand): boolean {
  const identity = bound.identity;
  if (identity && SKYPE_IDENTITIES.has(identity.toLowerCase())) return true;
  if (literalOf(parameterNamed(bound, 'NameDecorationRoutingDomain'))?.toLowerCase() === SKYPE.routingDomain) return true;
  const proxy = literalOf(parameterNamed(bound, 'ProxyFqdn'));
  return proxy !== undefined && looksLikeSkypeProxy(proxy);
}

/** Whether a command binds to the server cmdlet of this name, spelt as the catalogue spells it (not the Teams one). */
export function isCmdlet(bound: BoundCommand, name: string): boolean {
  return isServerCmdlet(bound.cmdlet, name);
}

/** Whether a cmdlet is the server cmdlet of this name, spelt as the catalogue spells it (not the Teams one). */
export function isServerCmdlet(cmdlet: CmdletSpec, name: string): boolean {
  return cmdlet.name === name && cmdlet.module !== 'teams';
}

/** Whether a cmdlet has a parameter of this name (spelt as the catalogue spells it). */
export function hasParameter(cmdlet: CmdletSpec, name: string): boolean {
  return cmdlet.parameters.some((parameter) => parameter.name === name);
}
