// A deterministic generator of realistic Lync / Skype for Business Server admin scripts, for the benchmark
// (scripts/bench.mjs). The same (lines, seed, options) always gives the same text.
//
// The script mixes what real admin scripts hold: comment headers and block comments, functions with param
// blocks, loops, try/catch, pipelines with script blocks, here-strings, splatted hashtables, backtick
// continuations, and the Cs federation cmdlets the linter judges, some of them written with the usual mistakes
// (typos in names, parameters and values), so that the rules have work to do.

/** A small seeded PRNG (mulberry32): fast, good enough, and the same on every machine. */
export function prng(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const PARTNERS = ['fabrikam', 'contoso', 'litwareinc', 'adatum', 'northwind', 'tailspin', 'wingtip', 'woodgrove', 'proseware', 'fourthcoffee'];
const USERS = ['kenmyer', 'pilar', 'aaron', 'ellen', 'marcus', 'dana', 'sam', 'lee'];
const SITES = ['Redmond', 'Dublin', 'Sydney', 'Paris', 'Tokyo'];

/** Blocks of script, each a function of (random, counter) returning lines. */
const BLOCKS = [
  // A comment header.
  (r, n) => [
    '#' + '-'.repeat(78),
    `# Section ${n}: federation settings for ${pick(r, SITES)} (${pick(r, PARTNERS)}.com)`,
    '# Run from the Skype for Business Server Management Shell as a member of CsAdministrator.',
    '#' + '-'.repeat(78),
    '',
  ],
  // A block comment with help.
  (r, n) => [
    '<#',
    '.SYNOPSIS',
    `    Configures partner ${n} for federation.`,
    '.DESCRIPTION',
    '    Adds the partner domain to the allowed list, or blocks it when the partner is retired.',
    '    New-CsAllowedDomain -Identity example.com (inside a comment: never judged)',
    '#>',
  ],
  // A function with a param block, if/else and a federation command.
  (r, n) => {
    const partner = pick(r, PARTNERS);
    return [
      `function Add-Partner${n} {`,
      '    [CmdletBinding()]',
      '    param(',
      '        [Parameter(Mandatory = $true)]',
      '        [string] $Domain,',
      `        [string] $ProxyFqdn = "sip.${partner}.com"`,
      '    )',
      '    if (Get-CsAllowedDomain -Identity $Domain -ErrorAction SilentlyContinue) {',
      '        Write-Verbose "Domain $Domain is allowed already"',
      '    } else {',
      '        New-CsAllowedDomain -Identity $Domain -ProxyFqdn $ProxyFqdn -Comment "Added by script"',
      '    }',
      '}',
      `Add-Partner${n} -Domain "${partner}${n}.com"`,
      '',
    ];
  },
  // A foreach loop over domains, with a pipeline and a script block.
  (r, n) => [
    `$domains${n} = @(${pickSome(r, PARTNERS, 3)
      .map((p) => `"${p}.com"`)
      .join(', ')})`,
    `foreach ($domain in $domains${n}) {`,
    '    $existing = Get-CsAllowedDomain | Where-Object { $_.Identity -eq $domain } | Select-Object -First 1',
    '    if ($null -eq $existing) {',
    '        New-CsAllowedDomain -Identity $domain -MarkForMonitoring $true',
    '    }',
    '}',
    '',
  ],
  // The documented Skype provider, guarded.
  () => [
    "if (Get-CsPublicProvider -Identity 'Skype' -ErrorAction SilentlyContinue) { Remove-CsPublicProvider -Identity 'Skype' -Confirm:$false }",
    'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -IconUrl https://images.edge.messenger.live.com/Messenger_16x16.png `',
    '    -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com" `',
    '    -Enabled $true -EnableSkypeIdRouting $true -EnableSkypeDirectorySearch $true',
    '',
  ],
  // A provider with a mistake (typo in the FQDN, a bare true, a misspelt parameter, or a typo in the name).
  (r, n) => {
    const mistakes = [
      `New-CsPublicProvider -Identity Skype${n} -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com`,
      `New-CsPublicProvider -Identity Partner${n} -ProxyFqdn sip.${pick(r, PARTNERS)}.com -Enabled true`,
      `Set-CsPublicProvider -Identiy Partner${n} -Enabled $true`,
      `New-CsPublicProvder -Identity Partner${n} -ProxyFqdn sip.${pick(r, PARTNERS)}.com -Enabled $true`,
      `Set-CsPublicProvider -Identity Partner${n} -VerificationLevel AlwaysVerified`,
    ];
    return [`Remove-CsPublicProvider -Identity Partner${n} -ErrorAction SilentlyContinue`, pick(r, mistakes), ''];
  },
  // Access Edge and external access policy.
  (r) => [
    '# Turn on federation and public IM at the Access Edge.',
    `Set-CsAccessEdgeConfiguration -AllowFederatedUsers $true -UseDnsSrvRouting -EnablePartnerDiscovery $${r() < 0.5 ? 'true' : 'false'}`,
    `Set-CsExternalAccessPolicy -Identity "site:${pick(r, SITES)}" -EnablePublicCloudAccess $true -EnableFederationAccess $true`,
    '',
  ],
  // Splatting with a hashtable literal.
  (r, n) => [
    `$provider${n} = @{`,
    `    Identity      = 'Partner${n}'`,
    `    ProxyFqdn     = 'sip.${pick(r, PARTNERS)}.com'`,
    '    Enabled       = $true',
    "    VerificationLevel = 'AlwaysVerifiable'",
    '}',
    `Remove-CsPublicProvider -Identity 'Partner${n}' -ErrorAction SilentlyContinue`,
    `New-CsPublicProvider @provider${n}`,
    '',
  ],
  // Here-strings (expandable and verbatim), a report written to a file.
  (r, n) => [
    `$report${n} = @"`,
    `Federation report ${n}`,
    'Generated: $(Get-Date -Format o)',
    'Providers: $((Get-CsPublicProvider | Measure-Object).Count)',
    'New-CsPublicProvider -Identity NotACommand (inside a here-string)',
    '"@',
    `$template${n} = @'`,
    'Literal text with $dollars and "quotes" that are not expanded.',
    "'@",
    `$report${n} | Out-File -FilePath "C:\\Reports\\federation-${n}.txt" -Encoding utf8 -Append`,
    '',
  ],
  // Try/catch with a user policy grant.
  (r, n) => {
    const user = pick(r, USERS);
    return [
      'try {',
      `    New-CsExternalAccessPolicy -Identity "PublicIM${n}" -EnablePublicCloudAccess $true -EnableFederationAccess $true -ErrorAction Stop`,
      `    Grant-CsExternalAccessPolicy -Identity "${user}@contoso.com" -PolicyName "PublicIM${n}"`,
      '} catch {',
      '    Write-Warning "Could not create the policy: $($_.Exception.Message)"',
      '}',
      '',
    ];
  },
  // Ordinary PowerShell: variables, arithmetic, a while loop, string formatting.
  (r, n) => [
    `$count${n} = 0`,
    `$limit${n} = ${1 + Math.floor(r() * 20)}`,
    `while ($count${n} -lt $limit${n}) {`,
    `    $count${n}++`,
    `    if ($count${n} % 5 -eq 0) { Write-Host ("Step {0} of {1}" -f $count${n}, $limit${n}) -ForegroundColor Cyan }`,
    '}',
    `$users${n} = Get-CsUser -Filter {Enabled -eq $true} | Where-Object { $_.SipAddress -like "*@contoso.com" } | Sort-Object DisplayName`,
    `$users${n} | ForEach-Object { Write-Output $_.SipAddress }`,
    '',
  ],
  // Blocked domains and a switch statement.
  (r, n) => {
    const partner = pick(r, PARTNERS);
    return [
      `switch ($env:COMPUTERNAME) {`,
      `    'EDGE${n}' { New-CsBlockedDomain -Identity "spam${n}.${partner}.com" -Comment "Blocked by script" }`,
      "    default { Write-Verbose 'Not an edge server' }",
      '}',
      '',
    ];
  },
  // Invoke-Command with a script block holding a federation command.
  (r, n) => [
    `Invoke-Command -ComputerName "fe${n}.contoso.com" -ScriptBlock {`,
    '    Import-Module SkypeForBusiness',
    "    Get-CsAccessEdgeConfiguration | Format-List -Property 'AllowFederatedUsers'",
    `    Set-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAccess $true -EnablePublicCloudAudioVideoAccess $${r() < 0.5 ? 'true' : 'false'}`,
    '}',
    '',
  ],
];

function pick(r, list) {
  return list[Math.floor(r() * list.length)];
}

function pickSome(r, list, count) {
  return Array.from({ length: count }, () => pick(r, list));
}

/** Wrong ProxyFqdn values for the Skype provider (each one a skype-proxy-fqdn error). */
const WRONG_SKYPE_PROXIES = [
  'federation.messenger.msn.co',
  'federation.messenger.msn.net',
  'federation.messeger.msn.com',
  'sip.messenger.msn.com',
  'federation.msn.com',
];

/** The k-th New-CsPublicProvider for Skype with a wrong ProxyFqdn (no random draw: the blocks stay those of the same seed). */
function wrongSkypeProvider(k) {
  return `New-CsPublicProvider -Identity Skype${k} -ProxyFqdn ${WRONG_SKYPE_PROXIES[k % WRONG_SKYPE_PROXIES.length]} -NameDecorationRoutingDomain msn.com -Enabled $true`;
}

/**
 * A script of exactly `lines` lines (the last one ends with a newline), the same for the same seed and options. It
 * parses without a syntax error.
 *
 * `wrongSkypeProviders: n` spreads n one-line `New-CsPublicProvider` commands for Skype with a wrong ProxyFqdn evenly
 * between the blocks (a script with hundreds of findings); the blocks are those of the same seed without the option.
 */
export function generateScript(lines, seed = 1, options = {}) {
  const r = prng(seed);
  const providers = options.wrongSkypeProviders ?? 0;
  let placed = 0;
  const out = ['# Generated by scripts/bench/generate-script.mjs: a realistic federation admin script.', '# lync-pic benchmark input.', ''];
  let n = 0;
  for (;;) {
    const block = pick(r, BLOCKS)(r, n + 1);
    // Whole blocks only, so the script always parses; room is kept for the providers still to place, and comment
    // lines fill what is left.
    if (out.length + block.length + (providers - placed) > lines) break;
    n++;
    out.push(...block);
    while (placed < providers && placed < (providers * out.length) / lines) out.push(wrongSkypeProvider(++placed));
  }
  while (placed < providers) out.push(wrongSkypeProvider(++placed));
  while (out.length < lines) out.push(`# end of generated script (${out.length + 1})`);
  out.length = lines;
  return out.join('\n') + '\n';
}
