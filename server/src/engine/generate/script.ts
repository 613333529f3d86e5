// Answers → the Lync–Skype connectivity script. One function per step; every command line is built by
// `command()`, which checks the cmdlet and each parameter against the catalogue for the target version, so the
// generator cannot write a parameter the target does not have. Values from the answers are always single-quoted
// (and were validated before: see answers.ts). Sources are the tags of the facts note (docs/generator.md).
import { availableOn, COMMON_PARAMETERS, getCatalog, SERVER_VERSION_NAMES, type ServerVersion } from '../catalog';
import { documentedSkypeProviderCommand, guardedRemoveCommand, SKYPE } from '../skype';
import { answerWarnings, validateAnswers, type Answers, type PolicyAnswer } from './answers';

/** One argument of a command: `-Name value`, `-Name` (a switch) or `-Name:value` (colon form). */
interface Arg {
  readonly name: string;
  readonly value?: string;
  readonly colon?: boolean;
}

/** A numbered step of the script: a comment, then commands (or more comments). */
interface Step {
  /** The comment line that introduces the step. */
  readonly title: string;
  /** What the step does, for the header's overview. */
  readonly summary: string;
  readonly lines: readonly string[];
}

/** A PowerShell single-quoted string; embedded quotes (PowerShell also reads the typographic ones as quotes) doubled. */
export function quote(value: string): string {
  return `'${value.replace(/['\u2018\u2019\u201a\u201b]/g, (q) => q + q)}'`;
}

const TRUE = '$true';
const INDENT = '    ';

/**
 * Throws unless the cmdlet exists on the target version and has each parameter there (by its exact catalogued
 * name, or a common parameter). A failure is a bug in the generator, never in the answers.
 */
function checkParameters(target: ServerVersion, cmdletName: string, parameterNames: readonly string[]): void {
  const cmdlet = getCatalog().cmdlet(cmdletName);
  if (!cmdlet || !cmdlet.versions.includes(target)) throw new Error(`generator bug: ${cmdletName} is not catalogued for ${target}`);
  for (const name of parameterNames) {
    const parameter = cmdlet.parameters.find((p) => p.name === name);
    const known = parameter ? availableOn(parameter, target) : COMMON_PARAMETERS.some((p) => p.name === name);
    if (!known) throw new Error(`generator bug: ${cmdletName} -${name} is not available on ${target}`);
  }
}

/** A command line whose cmdlet and parameters the catalogue has for the target version. */
function command(target: ServerVersion, cmdletName: string, args: readonly Arg[] = []): string {
  checkParameters(
    target,
    cmdletName,
    args.map((a) => a.name),
  );
  const written = args.map((a) => (a.value === undefined ? `-${a.name}` : a.colon ? `-${a.name}:${a.value}` : `-${a.name} ${a.value}`));
  return [cmdletName, ...written].join(' ');
}

/** Checks a command written elsewhere (the documented provider and removal commands) the same way. */
function checked(target: ServerVersion, line: string): string {
  const cmdletName = /[A-Za-z]+-Cs[A-Za-z]+/.exec(line)?.[0];
  if (!cmdletName) throw new Error(`generator bug: no cmdlet in ${line}`);
  for (const segment of line.split(/(?=\b[A-Za-z]+-Cs[A-Za-z]+\b)/)) {
    const name = /^[A-Za-z]+-Cs[A-Za-z]+/.exec(segment)?.[0];
    if (!name) continue;
    checkParameters(
      target,
      name,
      [...segment.matchAll(/\s-([A-Za-z]+)/g)].map((m) => m[1]),
    );
  }
  return line;
}

const versionName = (target: ServerVersion): string => SERVER_VERSION_NAMES[target];
const shellName = (target: ServerVersion): string =>
  target.startsWith('lync') ? 'Lync Server Management Shell' : 'Skype for Business Server Management Shell';

function policyIdentity(policy: PolicyAnswer): string {
  return policy.kind === 'global' ? 'Global' : policy.kind === 'site' ? `site:${policy.name}` : policy.name;
}

function describePolicy(policy: PolicyAnswer): string {
  if (policy.kind === 'global') return 'the global policy';
  if (policy.kind === 'site') return `the site policy site:${policy.name}`;
  const grants = policy.grantTo.length > 0 ? `, granted to ${policy.grantTo.join(', ')}` : ', not granted to anyone yet';
  return `the user policy ${policy.name}${grants}`;
}

/** Comment lines of at most about 118 characters, words kept whole. */
function wrapComment(text: string, width = 118): string[] {
  const lines: string[] = [];
  let line = '#';
  for (const word of text.split(' ')) {
    if (line.length > 1 && line.length + 1 + word.length > width) {
      lines.push(line);
      line = '#  ';
    }
    line += ` ${word}`;
  }
  lines.push(line);
  return lines;
}

const yesNo = (value: boolean): string => (value ? 'yes' : 'no');

const isSkype = (identity: string | undefined): boolean => identity?.toLowerCase() === SKYPE.identity.toLowerCase();

// ---- Step 1: the header ---------------------------------------------------------------------------------------

function header(answers: Answers, steps: readonly Step[]): string[] {
  const { target } = answers;
  const lines = [
    `# Lync-Skype connectivity (public IM connectivity with Skype) for ${versionName(target)}`,
    `# Generated by lync-pic. Review it, then run it in the ${shellName(target)}.`,
    `# lync-pic: target=${target}`,
    '#',
    '# What it does:',
    '#   1. this header: the answers and the provisioning checklist',
    ...steps.map((step, i) => `#   ${i + 2}. ${step.summary}`),
    '#',
    '# Generated from these answers:',
    `#   target version:            ${target} (${versionName(target)})`,
    `#   Access Edge FQDN:          ${answers.edgeFqdn}`,
    `#   SIP domains:               ${answers.sipDomains.join(', ')}`,
    `#   partner discovery:         ${yesNo(answers.partnerDiscovery)}`,
    `#   federation access:         ${yesNo(answers.federationAccess)}`,
    `#   audio/video with Skype:    ${yesNo(answers.audioVideo)}`,
    `#   external access policy:    ${describePolicy(answers.policy)}`,
    `#   provider to replace:       ${answers.replace ?? 'none'}`,
    '#',
    '# Provisioning checklist (the information the Lync Server 2013 provisioning page asks for):',
    '#   - Microsoft Agreement Number',
    `#   - Access Edge service FQDN: ${answers.edgeFqdn}`,
    `#   - SIP domain(s): ${answers.sipDomains.join(', ')}`,
    '#   - Any additional Access Edge service FQDNs',
    '#   - Contact information',
    '# The provisioning site (pic.lync.com) closed on 8/15/2019, so there is nothing to submit any more: Skype',
    '# federation now relies on partner discovery and on a federation DNS SRV record for every SIP domain (step 2).',
  ];
  const warnings = answerWarnings(answers);
  if (warnings.length > 0) lines.push('#', ...warnings.flatMap((w) => wrapComment(`WARNING: ${w}`)));
  return lines;
}

// ---- Step 2: DNS ----------------------------------------------------------------------------------------------

function dnsRecords(answers: Answers): Step {
  const width = Math.max(...answers.sipDomains.map((d) => `_sipfederationtls._tcp.${d}`.length));
  const records = answers.sipDomains.map((domain) => `#     ${`_sipfederationtls._tcp.${domain}`.padEnd(width)}  SRV  port 5061  ->  ${answers.edgeFqdn}`);
  return {
    title: 'DNS records to publish in the external DNS zones (this script does not change DNS)',
    summary: 'lists the federation DNS SRV records to publish (a comment: DNS is not changed)',
    lines: [
      '#   One federation SRV record per SIP domain: service _sipfederationtls, protocol _tcp, port 5061, target the',
      '#   Access Edge FQDN. Microsoft requires them for public IM connectivity (since July 1, 2017).',
      ...records,
      '#   The Access Edge FQDN must be in the subject name or a subject alternative name of the Edge external certificate.',
    ],
  };
}

// ---- Step 3: the Access Edge ----------------------------------------------------------------------------------

function accessEdge(answers: Answers): Step {
  const { target } = answers;
  const lines = [
    '# Federation and public IM connectivity are off until AllowFederatedUsers is $true (the default is $false).',
    command(target, 'Set-CsAccessEdgeConfiguration', [{ name: 'AllowFederatedUsers', value: TRUE }]),
  ];
  if (answers.partnerDiscovery) {
    lines.push(
      '# Partner discovery needs DNS SRV routing: -UseDnsSrvRouting and -EnablePartnerDiscovery go together (parameter set DnsSrvRouting).',
      command(target, 'Set-CsAccessEdgeConfiguration', [{ name: 'UseDnsSrvRouting' }, { name: 'EnablePartnerDiscovery', value: TRUE }]),
    );
  } else {
    lines.push(
      '# Partner discovery is left as it is. Public providers need DNS SRV routing (RoutingMethod UseDnsSrvRouting, shown at',
      '# the end): with default routing (-UseDefaultRouting) the Edge cannot federate with a public provider.',
    );
  }
  return {
    title: 'Federation and public IM connectivity at the Access Edge',
    summary: answers.partnerDiscovery
      ? 'turns on federation and public IM connectivity, DNS SRV routing and partner discovery'
      : 'turns on federation and public IM connectivity at the Access Edge',
    lines,
  };
}

// ---- Step 4: the external access policy -----------------------------------------------------------------------

function policySettings(answers: Answers): Arg[] {
  const args: Arg[] = [{ name: 'EnablePublicCloudAccess', value: TRUE }];
  if (answers.federationAccess) args.push({ name: 'EnableFederationAccess', value: TRUE });
  if (answers.audioVideo) args.push({ name: 'EnablePublicCloudAudioVideoAccess', value: TRUE });
  return args;
}

/** Creates a site or user policy when it does not exist yet (New- cannot create the global one, which always exists). */
function createIfMissing(target: ServerVersion, identity: string): string {
  const get = command(target, 'Get-CsExternalAccessPolicy', [
    { name: 'Identity', value: quote(identity) },
    { name: 'ErrorAction', value: 'SilentlyContinue' },
  ]);
  return `if (-not (${get})) { ${command(target, 'New-CsExternalAccessPolicy', [{ name: 'Identity', value: quote(identity) }])} }`;
}

function grants(target: ServerVersion, policy: PolicyAnswer): string[] {
  if (policy.kind !== 'user') return [];
  if (policy.grantTo.length === 0) return [`# Grant it to users with: Grant-CsExternalAccessPolicy -Identity <user> -PolicyName ${quote(policy.name)}`];
  return [
    '# Grant the policy to the users.',
    ...policy.grantTo.map((user) =>
      command(target, 'Grant-CsExternalAccessPolicy', [
        { name: 'Identity', value: quote(user) },
        { name: 'PolicyName', value: quote(policy.name) },
      ]),
    ),
  ];
}

function mediaEncryption(answers: Answers): string[] {
  if (!answers.audioVideo) return [];
  return [
    '# Audio/video with public providers needs media encryption SupportEncryption (the default is RequireEncryption).',
    command(answers.target, 'Set-CsMediaConfiguration', [{ name: 'EncryptionLevel', value: 'SupportEncryption' }]),
  ];
}

function externalAccessPolicy(answers: Answers): Step {
  const { target, policy } = answers;
  const identity = policyIdentity(policy);
  // EnablePublicCloudAccess left the New-/Set-CsExternalAccessPolicy pages in 2025 (end of Teams-Skype consumer
  // interop); the facts note decides to keep it for the servers, whose setup pages use it, and so does the catalogue.
  const lines = [
    '# Users reach public IM providers only when an external access policy allows it (all settings are $false in the',
    '# default global policy). EnablePublicCloudAccess is the setting the server setup pages use; the cmdlet pages',
    '# stopped listing it in 2025, when Teams-Skype consumer interop ended.',
  ];
  if (policy.kind !== 'global') lines.push(`# Create the ${policy.kind} policy when it does not exist yet, then set it.`, createIfMissing(target, identity));
  lines.push(command(target, 'Set-CsExternalAccessPolicy', [{ name: 'Identity', value: quote(identity) }, ...policySettings(answers)]));
  lines.push(...grants(target, policy), ...mediaEncryption(answers));
  const allows = ['public IM', ...(answers.federationAccess ? ['federation'] : []), ...(answers.audioVideo ? ['audio/video with public providers'] : [])];
  return {
    title: `External access policy: ${describePolicy(policy)}`,
    summary: `allows ${allows.join(', ')} in ${describePolicy(policy)}`,
    lines,
  };
}

// ---- Step 5: the old provider ---------------------------------------------------------------------------------

function removeProvider(answers: Answers): Step | undefined {
  if (answers.replace === undefined) return undefined;
  return {
    title: `Remove the existing public provider ${answers.replace}`,
    summary: `removes the public provider ${answers.replace} if it exists`,
    lines: [
      '# A provider cannot be changed in place: the setup pages remove it and add it again. Skipped when it does not exist,',
      '# so the script can run again.',
      checked(answers.target, guardedRemoveCommand(answers.replace)),
    ],
  };
}

// ---- Step 6: the Skype provider -------------------------------------------------------------------------------

function providerSource(target: ServerVersion): string[] {
  switch (target) {
    case 'lync2010':
      return [
        '# No page documents a Skype command for Lync Server 2010: this is the Lync Server 2013 command without the',
        '# parameters Lync Server 2010 does not have (IconUrl, NameDecorationRoutingDomain, NameDecorationExcludedDomainList).',
      ];
    case 'lync2013':
      // The catalogue and the cmdlet pages disagree here; the facts note follows the setup page (CU5), and so do we.
      return [
        '# The documented command of "Enabling Lync-Skype connectivity in Lync Server 2013". NameDecorationRoutingDomain and',
        '# NameDecorationExcludedDomainList need Lync Server 2013 CU5 or later, as the setup page says (the cmdlet',
        '# reference lists them for Skype for Business Server only).',
      ];
    default:
      return ['# The documented command of "Deploy Skype connectivity" (Skype for Business Server).'];
  }
}

function publicProvider(answers: Answers): Step {
  const { target } = answers;
  const create = checked(target, documentedSkypeProviderCommand(target));
  const lines = [
    ...providerSource(target),
    `# Its Identity and ProxyFqdn must be unique among public and hosting providers${answers.replace === undefined ? ' (replace an old Messenger provider first)' : ''}.`,
  ];
  if (isSkype(answers.replace)) {
    lines.push(create);
  } else {
    const get = command(target, 'Get-CsPublicProvider', [
      { name: 'Identity', value: quote(SKYPE.identity) },
      { name: 'ErrorAction', value: 'SilentlyContinue' },
    ]);
    lines.push(
      `if (${get}) {`,
      `${INDENT}Write-Warning ${quote(`A public provider named ${SKYPE.identity} already exists and was left as is; to re-create it, remove it first (Remove-CsPublicProvider -Identity ${SKYPE.identity}).`)}`,
      '} else {',
      `${INDENT}${create}`,
      '}',
    );
  }
  return {
    title: `The Skype public provider (${versionName(target)})`,
    summary: `creates the Skype public provider with the documented command for ${versionName(target)}`,
    lines,
  };
}

// ---- Step 7: read-back ----------------------------------------------------------------------------------------

function readBack(answers: Answers): Step {
  const { target } = answers;
  const lines = [
    command(target, 'Get-CsAccessEdgeConfiguration'),
    command(target, 'Get-CsExternalAccessPolicy', [{ name: 'Identity', value: quote(policyIdentity(answers.policy)) }]),
  ];
  if (answers.audioVideo) lines.push(command(target, 'Get-CsMediaConfiguration'));
  lines.push(command(target, 'Get-CsPublicProvider', [{ name: 'Identity', value: quote(SKYPE.identity) }]));
  return { title: 'Read back the result', summary: 'shows the resulting configuration', lines };
}

// ---- The script -----------------------------------------------------------------------------------------------

/**
 * The whole connectivity script for validated answers, LF line endings. Throws when the answers do not pass
 * validateAnswers (the front ends validate first and report the reasons; this is the last line of defence).
 */
export function generateScript(input: Answers): string {
  const result = validateAnswers(input);
  if ('errors' in result) throw new Error(`Invalid answers: ${result.errors.join(' ')}`);
  const answers = result.answers;
  const steps = [
    dnsRecords(answers),
    accessEdge(answers),
    externalAccessPolicy(answers),
    removeProvider(answers),
    publicProvider(answers),
    readBack(answers),
  ].filter((step): step is Step => step !== undefined);
  const blocks = [header(answers, steps), ...steps.map((step, i) => [`# ${i + 2}. ${step.title}`, ...step.lines])];
  return `${blocks.map((lines) => lines.join('\n')).join('\n\n')}\n`;
}
