/**
 * Turns a .gitignore-style glob into a regular expression over forward-slash paths: `**` spans folders, `*` and `?`
 * stay within one, a pattern without a slash matches a name in any folder, and a folder pattern covers its content.
 */
export function globToRegExp(glob: string): RegExp {
  const pattern = glob.replace(/\\/g, '/').replace(/^\.\//, '').replace(/\/$/, '');
  let source = '';
  for (let i = 0; i < pattern.length; i++) {
    const ch = pattern[i];
    if (ch === '*' && pattern[i + 1] === '*') {
      const slash = pattern[i + 2] === '/';
      source += slash ? '(?:.*/)?' : '.*';
      i += slash ? 2 : 1;
    } else if (ch === '*') source += '[^/]*';
    else if (ch === '?') source += '[^/]';
    else source += ch.replace(/[.+^${}()|[\]\\]/g, '\\$&');
  }
  const anchored = pattern.includes('/') ? `^${source}` : `(?:^|/)${source}`;
  return new RegExp(`${anchored}(?:/.*)?$`, 'i');
}

export function matchesAny(path: string, patterns: readonly RegExp[]): boolean {
  const normalized = path.replace(/\\/g, '/').replace(/^\.\//, '');
  return patterns.some((p) => p.test(normalized));
}
