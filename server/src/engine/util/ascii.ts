/**
 * Whether two strings are equal but for the case of their ASCII letters. Compared character by character, nothing
 * lower-cased: the engine compares names on every command of a script (parameter names, `$true`), and a lower-case
 * copy of each was garbage for the collector.
 */
export function equalIgnoringAsciiCase(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) {
    const x = a.charCodeAt(i);
    const y = b.charCodeAt(i);
    if (x !== y && !(isAsciiLetter(x) && (x | 0x20) === (y | 0x20))) return false;
  }
  return true;
}

function isAsciiLetter(c: number): boolean {
  const folded = c | 0x20;
  return folded >= 0x61 && folded <= 0x7a;
}
