import type { BoundCommand, BoundParameter } from './bind';
import { withinDistance } from './util/distance';

/** The documented values of the Skype public provider (Skype for Business Server and Lync Server 2013 setup pages). */
export const SKYPE = {
  identity: 'Skype',
  proxyFqdn: 'federation.messenger.msn.com',
  routingDomain: 'msn.com',
  excludedDomainList: 'msn.com,outlook.com,live.com,hotmail.com',
  iconUrl: 'https://images.edge.messenger.live.com/Messenger_16x16.png',
} as const;

/** Identities under which the Skype (formerly Messenger) provider is configured. */
const SKYPE_IDENTITIES = new Set(['skype', 'messenger']);

/** The bound parameter with this name, if the command has it. */
export function parameterNamed(bound: BoundCommand, name: string): BoundParameter | undefined {
  const lower = name.toLowerCase();
  return bound.parameters.find((p) => p.parameter.name.toLowerCase() === lower);
}

/** The literal value of a parameter: a bareword, a constant string or a number; undefined when computed. */
export function literalOf(binding: BoundParameter | undefined): string | undefined {
  const value = binding?.value;
  return value && (value.kind === 'bareword' || value.kind === 'string' || value.kind === 'number') ? value.literal : undefined;
}

/** The Identity written on the command, by name or as the first positional value. */
export function identityOf(bound: BoundCommand): string | undefined {
  const named = parameterNamed(bound, 'Identity');
  if (named) return literalOf(named);
  const first = bound.positional[0]?.value;
  return first && !bound.positional[0].afterSwitch && (first.kind === 'bareword' || first.kind === 'string') ? first.literal : undefined;
}

/** A ProxyFqdn that is the documented one or a near miss of it (a typo, a missing letter). */
export function looksLikeSkypeProxy(fqdn: string): boolean {
  const lower = fqdn.toLowerCase().replace(/\.$/, '');
  return lower.includes('messenger.msn') || withinDistance(lower, SKYPE.proxyFqdn, 4);
}

/**
 * Whether a public-provider command configures the Skype / Messenger provider: by its Identity,
 * by routing name-decorated addresses to msn.com, or by a ProxyFqdn close to the documented one.
 */
export function isSkypeProvider(bound: BoundCommand): boolean {
  const identity = identityOf(bound);
  if (identity && SKYPE_IDENTITIES.has(identity.toLowerCase())) return true;
  if (literalOf(parameterNamed(bound, 'NameDecorationRoutingDomain'))?.toLowerCase() === SKYPE.routingDomain) return true;
  const proxy = literalOf(parameterNamed(bound, 'ProxyFqdn'));
  return proxy !== undefined && looksLikeSkypeProxy(proxy);
}

export function isCmdlet(bound: BoundCommand, name: string): boolean {
  return bound.cmdlet.name.toLowerCase() === name.toLowerCase();
}
