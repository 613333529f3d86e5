import { writeFileSync } from 'node:fs';
import { answerWarnings, generateScript, SERVER_VERSIONS, validateAnswers } from '../engine';
import { HelpRequested, UsageError, type Io } from './io';

export const GENERATE_USAGE = `Usage: lync-pic generate --target <version> --edge-fqdn <fqdn> --sip-domain <domain> [options]

Writes the PowerShell script that connects Lync Server / Skype for Business Server to Skype (public IM
connectivity): the DNS SRV records to publish, federation at the Access Edge, the external access policy, the
documented Skype provider command for the version, and read-back commands.

Options:
  --target <version>       ${SERVER_VERSIONS.join(', ')} (required)
  --edge-fqdn <fqdn>       external FQDN of the Access Edge service, e.g. sip.contoso.com (required)
  --sip-domain <domain>    a SIP domain of the organisation; repeat for each (at least one)
  --policy <policy>        the external access policy to set: global (default), site:<site name>,
                           or user:<policy name> (created when missing)
  --grant <user>           grant the user policy to this user (SIP address, UPN, domain\\account or
                           display name); repeat for each; needs --policy user:<name>
  --replace <identity>     first remove this public provider if it exists, e.g. Messenger or Skype
  --partner-discovery      turn on DNS SRV routing with partner discovery at the Access Edge
  --federation-access      also allow federation with other organisations in the policy
  --audio-video            allow audio/video with public providers (and set media encryption to
                           SupportEncryption, as the docs require for it)
  --out <file>             write the script to this file instead of standard output
  -h, --help               show this help

Every value is checked before anything is written: FQDNs and domains must be RFC 1123 host names; site,
policy and provider names may hold letters, digits and . _ -; users letters, digits, spaces and . _ - @ : \\ +.

Example:
  lync-pic generate --target sfb2019 --edge-fqdn sip.contoso.com --sip-domain contoso.com \\
    --partner-discovery --policy user:SkypeUsers --grant kenmyer@contoso.com --replace Messenger --out skype.ps1

Exit codes: 0 script written, 2 bad usage or invalid answers (one "lync-pic: <reason>" line each).`;

const FLAGS: Readonly<Record<string, 'partnerDiscovery' | 'federationAccess' | 'audioVideo'>> = {
  '--partner-discovery': 'partnerDiscovery',
  '--federation-access': 'federationAccess',
  '--audio-video': 'audioVideo',
};

const VALUED = ['--target', '--edge-fqdn', '--sip-domain', '--policy', '--grant', '--replace', '--out'] as const;
type Valued = (typeof VALUED)[number];

interface GenerateArgs {
  readonly values: ReadonlyMap<Valued, readonly string[]>;
  readonly flags: ReadonlySet<'partnerDiscovery' | 'federationAccess' | 'audioVideo'>;
}

const REPEATABLE: readonly Valued[] = ['--sip-domain', '--grant'];

/** `--name value` and `--name=value`; the value may not look like an option. */
function parseGenerateArgs(argv: readonly string[]): GenerateArgs {
  if (argv.includes('-h') || argv.includes('--help')) throw new HelpRequested(GENERATE_USAGE);
  const values = new Map<Valued, string[]>();
  const flags = new Set<'partnerDiscovery' | 'federationAccess' | 'audioVideo'>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const flag = FLAGS[arg];
    if (flag) {
      flags.add(flag);
      continue;
    }
    const name = VALUED.find((n) => arg === n || arg.startsWith(`${n}=`));
    if (!name) throw new UsageError(arg.startsWith('-') ? `unknown option "${arg}"` : `unexpected argument "${arg}"`, GENERATE_USAGE);
    let value: string;
    if (arg.length > name.length) {
      value = arg.slice(name.length + 1);
    } else {
      const next = argv[i + 1];
      if (next === undefined || (next.startsWith('--') && next !== '-')) throw new UsageError(`${name} needs a value`, GENERATE_USAGE);
      value = next;
      i++;
    }
    const list = values.get(name) ?? [];
    if (list.length > 0 && !REPEATABLE.includes(name)) throw new UsageError(`${name} is given twice`, GENERATE_USAGE);
    values.set(name, [...list, value]);
  }
  return { values, flags };
}

/** The raw answers of the options, for validateAnswers. */
function rawAnswers(args: GenerateArgs): Record<string, unknown> {
  const one = (name: Valued): string | undefined => args.values.get(name)?.[0];
  const raw: Record<string, unknown> = {
    target: one('--target'),
    edgeFqdn: one('--edge-fqdn'),
    sipDomains: args.values.get('--sip-domain') ?? [],
    partnerDiscovery: args.flags.has('partnerDiscovery'),
    federationAccess: args.flags.has('federationAccess'),
    audioVideo: args.flags.has('audioVideo'),
  };
  if (one('--policy') !== undefined) raw.policy = one('--policy');
  if (args.values.has('--grant')) raw.grantTo = args.values.get('--grant');
  if (one('--replace') !== undefined) raw.replace = one('--replace');
  return raw;
}

/** `lync-pic generate`: usage mistakes throw (exit 2 with the usage); invalid answers are reported one per line. */
export function generateCommand(argv: readonly string[], io: Io): Promise<number> {
  return new Promise((resolve) => resolve(generate(argv, io)));
}

function generate(argv: readonly string[], io: Io): number {
  const args = parseGenerateArgs(argv);
  const result = validateAnswers(rawAnswers(args));
  if ('errors' in result) {
    for (const error of result.errors) io.stderr(`lync-pic: ${error}`);
    return 2;
  }
  for (const warning of answerWarnings(result.answers)) io.stderr(`lync-pic: warning: ${warning}`);
  const script = generateScript(result.answers);
  const out = args.values.get('--out')?.[0];
  if (out === undefined || out === '-') {
    io.stdout(script.replace(/\n$/, ''));
    return 0;
  }
  try {
    writeFileSync(out, script, 'utf8');
  } catch (error) {
    io.stderr(`lync-pic: cannot write ${out}: ${error instanceof Error ? error.message : String(error)}`);
    return 2;
  }
  return 0;
}
