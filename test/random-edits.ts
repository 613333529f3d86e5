/** Random edits of scripts, for the incremental lint's tests (test/unit/incremental.test.ts, scripts/incremental-sweep.mjs). */

/** Text typed or pasted: fragments that open and close constructs, change lines, and make or break commands. */
export const INSERTIONS: readonly string[] = [
  'x',
  ' ',
  '\n',
  '\r\n',
  '{',
  '}',
  '(',
  ')',
  '"',
  "'",
  '@"\n',
  '\n"@\n',
  "@'\n",
  "\n'@",
  '#',
  '<#',
  '#>',
  '`',
  '`\n',
  '|',
  '\n| Out-Null',
  ';',
  '$(',
  '@{',
  ',',
  '-',
  ' -Identity',
  '\nelse { }\n',
  '\ncatch { }\n',
  'function f {\n',
  'param($a)\n',
  'begin {\n',
  '\nNew-CsPublicProvider -Identity Skype -ProxyFqdn sip.contoso.com -Enabled $true\n',
  '\nSet-CsExternalAccessPolicy -Identity Global -EnablePublicCloudAcess $true; Get-CsUser -Foo 1\n',
  '\n$p = @{ Identity = "Skype"; ProxyFqdn = "x.example.com" }\nNew-CsPublicProvider @p\n',
  '\n$p.ProxyFqdn = "y.example.com"\n',
  '\n# lync-pic-disable-next-line skype-proxy-fqdn\n',
  '\n# lync-pic: target=lync2010\n',
];

/** One random edit of a text: an insertion of one of INSERTIONS, a deletion, or a span deleted or duplicated. */
export function randomEdit(text: string, random: () => number): string {
  const at = Math.floor(random() * (text.length + 1));
  const choice = random();
  if (choice < 0.55) return text.slice(0, at) + INSERTIONS[Math.floor(random() * INSERTIONS.length)] + text.slice(at);
  if (choice < 0.85) return text.slice(0, at) + text.slice(at + 1 + Math.floor(random() * 3));
  // Delete a longer span, or duplicate one (a line moved, a block pasted).
  const span = text.slice(at, at + Math.floor(random() * 200));
  return choice < 0.93 ? text.slice(0, at) + text.slice(at + span.length) : text.slice(0, at) + span + text.slice(at);
}
