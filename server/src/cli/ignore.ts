import picomatch from 'picomatch';

/**
 * One line of an ignore list, read as .gitignore reads it: `!` brings back what an earlier pattern left out, a
 * leading or inner slash anchors the pattern to the base folder (otherwise it matches a name at any depth), and a
 * trailing slash matches folders only. Globs are picomatch's: `*`, `?`, `**`, `[a-z]`, `{a,b}`; case is ignored, as
 * on Windows, where the scripts live.
 */
interface IgnoreRule {
  readonly pattern: string;
  readonly negated: boolean;
  readonly foldersOnly: boolean;
  readonly anchored: boolean;
  readonly matches: (path: string) => boolean;
}

function parseRule(pattern: string): IgnoreRule {
  const negated = pattern.startsWith('!');
  let glob = negated ? pattern.slice(1) : pattern.replace(/^\\!/, '!');
  const foldersOnly = glob.endsWith('/');
  glob = glob.replace(/^\.\//, '').replace(/\/+$/, '');
  const anchored = glob.includes('/');
  glob = glob.replace(/^\//, '');
  return { pattern, negated, foldersOnly, anchored, matches: picomatch(glob, { dot: true, nocase: true }) };
}

/** The paths a rule is tried on: each folder on the way to the file, then the file (a folder covers its content). */
function candidates(path: string): { folders: string[]; file: string } {
  const segments = path.replace(/^\.\//, '').split('/');
  const folders = segments.slice(0, -1).map((_, i) => segments.slice(0, i + 1).join('/'));
  return { folders, file: segments.join('/') };
}

function ruleMatches(rule: IgnoreRule, path: string): boolean {
  const { folders, file } = candidates(path);
  const tried = rule.foldersOnly ? folders : [...folders, file];
  // An unanchored pattern names a file or folder at any depth: it is tried on the last segment of each candidate.
  return tried.some((candidate) => rule.matches(rule.anchored ? candidate : candidate.slice(candidate.lastIndexOf('/') + 1)));
}

/** Ignore patterns over forward-slash paths relative to one base folder; remembers which ones ever matched. */
export class IgnoreList {
  private readonly rules: readonly IgnoreRule[];
  private readonly used = new Set<IgnoreRule>();

  constructor(patterns: readonly string[]) {
    this.rules = patterns.filter((p) => p.trim() !== '' && !p.startsWith('#')).map(parseRule);
  }

  /** Whether the path is left out: the last pattern that matches it decides, as in .gitignore. */
  ignores(path: string): boolean {
    let ignored = false;
    for (const rule of this.rules) {
      if (!ruleMatches(rule, path)) continue;
      this.used.add(rule);
      ignored = !rule.negated;
    }
    return ignored;
  }

  /** The patterns that matched no path asked about (a typo, or a pattern that works differently than meant). */
  unmatched(): string[] {
    return this.rules.filter((rule) => !this.used.has(rule)).map((rule) => rule.pattern);
  }
}
