// The answers the connectivity-script generator works from, and their validation. The validators are shared by
// both front ends: the CLI checks its options with validateAnswers, and the VS Code wizard runs the per-field
// validators as the user types. Everything here is plain TypeScript (no VS Code, no LSP).
import { SERVER_VERSIONS, type ServerVersion } from '../catalog/types';

/** Which external access policy the script configures. */
export type PolicyAnswer =
  | { readonly kind: 'global' }
  | { readonly kind: 'site'; readonly name: string }
  | { readonly kind: 'user'; readonly name: string; readonly grantTo: readonly string[] };

export type PolicyKind = PolicyAnswer['kind'];

export interface Answers {
  /** The server version the script runs on. */
  readonly target: ServerVersion;
  /** The external FQDN of the Access Edge service (the target of the federation SRV records). */
  readonly edgeFqdn: string;
  /** The organisation's SIP domains, one federation SRV record each (at least one). */
  readonly sipDomains: readonly string[];
  /** Turn on DNS SRV routing with partner discovery at the Access Edge. */
  readonly partnerDiscovery: boolean;
  /** Also allow federation with other organisations (EnableFederationAccess) in the policy. */
  readonly federationAccess: boolean;
  /** Allow audio/video with public providers (and set the media encryption the docs require for it). */
  readonly audioVideo: boolean;
  readonly policy: PolicyAnswer;
  /** Identity of an existing public provider to remove first (Messenger, Skype, …), or undefined for none. */
  readonly replace?: string;
}

export type ValidationResult = { readonly answers: Answers } | { readonly errors: readonly string[] };

/** A per-field validator: undefined when the value is acceptable, otherwise the reason (for a UI or an error line). */
export type FieldValidator = (value: string) => string | undefined;

export const POLICY_KINDS: readonly PolicyKind[] = ['global', 'site', 'user'];

/** Identities of the public providers a script most often replaces. */
export const WELL_KNOWN_PROVIDERS = ['Messenger', 'Skype'] as const;

const MAX_FQDN = 253;
const MAX_LABEL = 63;
const MAX_NAME = 64;
const MAX_USER = 256;
const LABEL = /^[a-z0-9](?:[a-z0-9-]*[a-z0-9])?$/i;

/** How a refused value is shown in a message: quoted, control characters escaped, long values shortened. */
export function show(value: string): string {
  return JSON.stringify(value.length > 60 ? `${value.slice(0, 57)}...` : value);
}

/** Removes spaces and tabs around a value (line breaks are kept, so that they are refused, not hidden). */
export function trimBlanks(value: string): string {
  return value.replace(/^[ \t]+|[ \t]+$/g, '');
}

/** The first character outside `allowed`, described for a message (`';'`, `a newline`, `'$'`). */
function firstBadCharacter(value: string, allowed: RegExp): string | undefined {
  for (const ch of value) {
    if (allowed.test(ch)) continue;
    if (ch === '\n' || ch === '\r') return 'a line break';
    if (ch === '\t') return 'a tab';
    if (ch === ' ') return 'a space';
    if (/\p{Cc}|\p{Cf}/u.test(ch)) return `the control character U+${ch.codePointAt(0)?.toString(16).toUpperCase().padStart(4, '0')}`;
    return `'${ch}'`;
  }
  return undefined;
}

/**
 * A host name per RFC 1123: dot-separated labels of letters, digits and hyphens, each 1–63 characters and not
 * starting or ending with a hyphen, at most 253 characters, at least two labels, and a top-level label that is not
 * all digits (so that an IP address is not taken for a name).
 */
function hostNameProblem(value: string): string | undefined {
  if (trimBlanks(value) === '') return 'is empty';
  const bad = firstBadCharacter(value, /[A-Za-z0-9.-]/);
  if (bad) return `contains ${bad}; only letters, digits, hyphens and dots are allowed (RFC 1123 host name)`;
  if (value.endsWith('.')) return 'ends with a dot; write it without the trailing dot';
  if (value.length > MAX_FQDN) return `is longer than ${MAX_FQDN} characters`;
  const labels = value.split('.');
  if (labels.length < 2) return 'needs at least two labels (such as contoso.com)';
  for (const label of labels) {
    if (label === '') return 'has an empty label (two dots in a row, or a leading dot)';
    if (label.length > MAX_LABEL) return `has a label longer than ${MAX_LABEL} characters`;
    if (!LABEL.test(label)) return `has the label ${show(label)}, which starts or ends with a hyphen`;
  }
  if (/^\d+$/.test(labels[labels.length - 1])) return 'ends with an all-numeric label (an IP address is not a host name)';
  return undefined;
}

export const validateEdgeFqdn: FieldValidator = (value) => {
  const problem = hostNameProblem(trimBlanks(value));
  return problem && `The Access Edge FQDN ${show(value)} ${problem}.`;
};

export const validateSipDomain: FieldValidator = (value) => {
  const problem = hostNameProblem(trimBlanks(value));
  return problem && `The SIP domain ${show(value)} ${problem}.`;
};

/** Splits a list typed on one line: commas, semicolons or blanks between the items. */
export function splitList(value: string): string[] {
  return value.split(/[\s,;]+/).filter((item) => item !== '');
}

/** A list of SIP domains typed on one line (the wizard's input box). */
export const validateSipDomainList: FieldValidator = (value) => {
  const domains = splitList(value);
  if (domains.length === 0) return 'Enter at least one SIP domain (such as contoso.com).';
  for (const domain of domains) {
    const problem = validateSipDomain(domain);
    if (problem) return problem;
  }
  return duplicateProblem(domains, 'SIP domain');
};

function duplicateProblem(values: readonly string[], what: string): string | undefined {
  const seen = new Set<string>();
  for (const value of values) {
    const key = value.toLowerCase();
    if (seen.has(key)) return `The ${what} ${show(value)} is listed twice.`;
    seen.add(key);
  }
  return undefined;
}

/** Names of policies and sites: letters, digits, hyphens, underscores and dots, starting with a letter or digit. */
const NAME_CHARACTER = /[A-Za-z0-9._-]/;
const NAME_START = /^[A-Za-z0-9]/;

function nameProblem(value: string, max: number): string | undefined {
  if (trimBlanks(value) === '') return 'is empty';
  const bad = firstBadCharacter(value, NAME_CHARACTER);
  if (bad) return `contains ${bad}; only letters, digits, hyphens, underscores and dots are allowed`;
  if (!NAME_START.test(value)) return 'must start with a letter or a digit';
  if (value.length > max) return `is longer than ${max} characters`;
  return undefined;
}

export const validateSiteName: FieldValidator = (value) => {
  const problem = nameProblem(trimBlanks(value), MAX_NAME);
  return problem && `The site name ${show(value)} ${problem}.`;
};

export const validatePolicyName: FieldValidator = (value) => {
  const trimmed = trimBlanks(value);
  const problem = nameProblem(trimmed, MAX_NAME);
  if (problem) return `The policy name ${show(value)} ${problem}.`;
  if (trimmed.toLowerCase() === 'global') return 'The policy name "Global" is the global policy: choose the global policy instead of a user policy.';
  return undefined;
};

export const validateProviderIdentity: FieldValidator = (value) => {
  const problem = nameProblem(trimBlanks(value), MAX_NAME);
  return problem && `The provider identity ${show(value)} ${problem}.`;
};

/**
 * A user as Grant-CsExternalAccessPolicy takes it: a SIP address (sip:kenmyer@contoso.com), a user principal
 * name, a domain\account name or a display name. Letters, digits and . _ - @ : \ + and single spaces between words.
 */
export const validateUserIdentity: FieldValidator = (value) => {
  const trimmed = trimBlanks(value);
  let problem: string | undefined;
  const bad = firstBadCharacter(trimmed, /[A-Za-z0-9._@:\\+ -]/);
  if (trimmed === '') problem = 'is empty';
  else if (bad) problem = `contains ${bad}; only letters, digits, spaces and . _ - @ : \\ + are allowed`;
  else if (/ {2}/.test(trimmed)) problem = 'has two spaces in a row';
  else if (!/^[A-Za-z0-9]/.test(trimmed)) problem = 'must start with a letter or a digit';
  else if (trimmed.length > MAX_USER) problem = `is longer than ${MAX_USER} characters`;
  return problem && `The user ${show(value)} ${problem}.`;
};

/** A list of users typed on one line (commas or semicolons between them; display names may contain spaces). */
export function splitUserList(value: string): string[] {
  return value
    .split(/[,;]/)
    .map(trimBlanks)
    .filter((user) => user !== '');
}

export const validateUserList: FieldValidator = (value) => {
  const users = splitUserList(value);
  for (const user of users) {
    const problem = validateUserIdentity(user);
    if (problem) return problem;
  }
  return duplicateProblem(users, 'user');
};

/**
 * A policy as the CLI writes it: `global`, `site:<name>` or `user:<name>`. Returns the kind and the name, or the
 * reason it is not one.
 */
export function parsePolicySpec(spec: string): { kind: PolicyKind; name?: string } | { error: string } {
  const trimmed = trimBlanks(spec);
  if (trimmed.toLowerCase() === 'global') return { kind: 'global' };
  const match = /^(site|user):(.*)$/is.exec(trimmed);
  if (!match) return { error: `The policy ${show(spec)} is not one of global, site:<name> or user:<name>.` };
  const kind = match[1].toLowerCase() as 'site' | 'user';
  return { kind, name: match[2] };
}

type Raw = Record<string, unknown>;

function isRecord(value: unknown): value is Raw {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** A string, or a list of strings (a single string is taken as a one-item list); undefined after reporting a wrong type. */
function stringList(raw: unknown, field: string, errors: string[]): string[] | undefined {
  if (raw === undefined) return [];
  const items = typeof raw === 'string' ? [raw] : raw;
  if (!Array.isArray(items) || !items.every((item): item is string => typeof item === 'string')) {
    errors.push(`${field} must be a list of strings.`);
    return undefined;
  }
  return items.map(trimBlanks);
}

function booleanField(raw: Raw, field: string, errors: string[]): boolean {
  const value = raw[field];
  if (value === undefined) return false;
  if (typeof value !== 'boolean') {
    errors.push(`${field} must be true or false.`);
    return false;
  }
  return value;
}

function validateTarget(raw: unknown, errors: string[]): ServerVersion {
  const found = SERVER_VERSIONS.find((v) => v === raw);
  if (found) return found;
  errors.push(
    raw === undefined
      ? `The target version is missing (one of ${SERVER_VERSIONS.join(', ')}).`
      : `The target version ${typeof raw === 'string' ? show(raw) : (JSON.stringify(raw) ?? typeof raw)} is not one of ${SERVER_VERSIONS.join(', ')}.`,
  );
  return SERVER_VERSIONS[SERVER_VERSIONS.length - 1];
}

function validateString(raw: unknown, field: string, validator: FieldValidator, missing: string, errors: string[]): string {
  if (raw === undefined || raw === '') {
    errors.push(missing);
    return '';
  }
  if (typeof raw !== 'string') {
    errors.push(`${field} must be a string.`);
    return '';
  }
  const problem = validator(raw);
  if (problem) errors.push(problem);
  return trimBlanks(raw);
}

function validatePolicy(raw: unknown, grantRaw: unknown, errors: string[]): PolicyAnswer {
  let kind: PolicyKind;
  let name: unknown;
  let grants: unknown = grantRaw;
  if (raw === undefined) {
    kind = 'global';
  } else if (typeof raw === 'string') {
    const parsed = parsePolicySpec(raw);
    if ('error' in parsed) {
      errors.push(parsed.error);
      return { kind: 'global' };
    }
    ({ kind, name } = parsed);
  } else if (isRecord(raw) && POLICY_KINDS.includes(raw.kind as PolicyKind)) {
    kind = raw.kind as PolicyKind;
    name = raw.name;
    if (raw.grantTo !== undefined) grants = raw.grantTo;
  } else {
    errors.push('The policy must be "global", "site:<name>", "user:<name>" or an object { kind, name, grantTo }.');
    return { kind: 'global' };
  }
  const users = stringList(grants, 'grantTo', errors) ?? [];
  if (kind !== 'user' && users.length > 0)
    errors.push('Users can be granted only a user policy (user:<name>); the global and site policies apply without a grant.');
  if (kind === 'global') return { kind };
  if (kind === 'site')
    return { kind, name: validateString(name, 'The site name', validateSiteName, 'The site policy needs a site name (site:<name>).', errors) };
  const policyName = validateString(name, 'The policy name', validatePolicyName, 'The user policy needs a name (user:<name>).', errors);
  for (const user of users) {
    const problem = validateUserIdentity(user);
    if (problem) errors.push(problem);
  }
  const duplicate = duplicateProblem(users, 'user');
  if (duplicate) errors.push(duplicate);
  return { kind, name: policyName, grantTo: users };
}

const KNOWN_FIELDS = new Set(['target', 'edgeFqdn', 'sipDomains', 'partnerDiscovery', 'federationAccess', 'audioVideo', 'policy', 'grantTo', 'replace']);

/**
 * Checks a raw set of answers (from the CLI, a command argument or a keybinding) and returns typed answers with
 * trimmed values, or every reason they are refused. Unset booleans are false; an unset policy is the global one.
 */
export function validateAnswers(raw: unknown): ValidationResult {
  if (!isRecord(raw)) return { errors: ['The answers must be an object.'] };
  const errors: string[] = [];
  for (const key of Object.keys(raw)) if (!KNOWN_FIELDS.has(key)) errors.push(`Unknown answer ${show(key)} (expected ${[...KNOWN_FIELDS].join(', ')}).`);
  const target = validateTarget(raw.target, errors);
  const edgeFqdn = validateString(raw.edgeFqdn, 'The Access Edge FQDN', validateEdgeFqdn, 'The Access Edge FQDN is missing.', errors);
  const domainList = stringList(raw.sipDomains, 'sipDomains', errors);
  const sipDomains = domainList ?? [];
  if (domainList?.length === 0) errors.push('At least one SIP domain is needed.');
  for (const domain of sipDomains) {
    const problem = validateSipDomain(domain);
    if (problem) errors.push(problem);
  }
  const duplicate = duplicateProblem(sipDomains, 'SIP domain');
  if (duplicate) errors.push(duplicate);
  const policy = validatePolicy(raw.policy, raw.grantTo, errors);
  let replace: string | undefined;
  if (raw.replace !== undefined && raw.replace !== null && raw.replace !== '') {
    replace = validateString(raw.replace, 'The provider to replace', validateProviderIdentity, '', errors);
  }
  const answers: Answers = {
    target,
    edgeFqdn,
    sipDomains,
    partnerDiscovery: booleanField(raw, 'partnerDiscovery', errors),
    federationAccess: booleanField(raw, 'federationAccess', errors),
    audioVideo: booleanField(raw, 'audioVideo', errors),
    policy,
    ...(replace !== undefined ? { replace } : {}),
  };
  return errors.length > 0 ? { errors } : { answers };
}

/**
 * Whether the Access Edge FQDN is a top-level suffix match of a SIP domain, as Skype federation requires of the
 * SRV target: one label in front of the domain (sip.contoso.com for contoso.com; not sip.it.contoso.com, not
 * sip.contoso-edge.com).
 */
export function isTopLevelSuffixMatch(edgeFqdn: string, sipDomain: string): boolean {
  const edge = edgeFqdn.toLowerCase();
  const domain = sipDomain.toLowerCase();
  if (!edge.endsWith(`.${domain}`)) return false;
  return !edge.slice(0, edge.length - domain.length - 1).includes('.');
}

/** Warnings about valid answers that will not work as the admin probably expects. */
export function answerWarnings(answers: Answers): string[] {
  return answers.sipDomains
    .filter((domain) => !isTopLevelSuffixMatch(answers.edgeFqdn, domain))
    .map(
      (domain) =>
        `The Access Edge FQDN ${answers.edgeFqdn} is not a top-level suffix match of the SIP domain ${domain} ` +
        `(expected <name>.${domain}, such as sip.${domain}); Skype federation requires the SRV target to be one.`,
    );
}
