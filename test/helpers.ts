import { execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Linter, type LintOptions, type LintResult } from '../server/src/engine/lint';
import { LineIndex } from '../server/src/engine/text';

/** The repository root, from the compiled tests in out/test/. */
export const REPO_ROOT = join(__dirname, '..', '..');

/**
 * A value as the engine's consumers see it once serialised, with its undefined properties kept: a lazy range
 * (`LineIndex.lazyRangeOf`, whose positions are getters) becomes a plain `{ start, end }`, so that `deepStrictEqual`
 * compares what a range says, not how it was made.
 */
export function plain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(plain);
  if (value === null || typeof value !== 'object') return value;
  const serialisable = value as { toJSON?: () => unknown };
  if (typeof serialisable.toJSON === 'function') return plain(serialisable.toJSON());
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, plain(item)]));
}

let linter: Promise<Linter> | undefined;

/** One real linter (real parser, real catalogue) shared by the tests of a process. */
export function getLinter(): Promise<Linter> {
  linter ??= Promise.resolve(new Linter());
  return linter;
}

export async function lintText(text: string, options?: LintOptions): Promise<LintResult> {
  return (await getLinter()).lint(text, options);
}

/**
 * `findings` as "line:rule" strings (1-based lines), sorted, for compact assertions. Without a rule id, hints are
 * left out: they are suggestions (the editor shows them faintly, the CLI not at all), not problems.
 */
export function lineRules(result: LintResult, ruleId?: string): string[] {
  return result.findings
    .filter((f) => (ruleId === undefined ? f.severity !== 'hint' : f.ruleId === ruleId))
    .map((f) => `${f.range.start.line + 1}:${f.ruleId}`)
    .sort();
}

/** The .ps1 scripts in a folder and its subfolders. */
export function scriptsUnder(folder: string): string[] {
  return readdirSync(folder).flatMap((name) => {
    const path = join(folder, name);
    if (statSync(path).isDirectory()) return scriptsUnder(path);
    return name.endsWith('.ps1') ? [path] : [];
  });
}

/** Every test fixture and example script. */
export function fixturesAndExamples(): string[] {
  return [...scriptsUnder(join(REPO_ROOT, 'test', 'fixtures')), ...scriptsUnder(join(REPO_ROOT, 'examples'))];
}

/** The CLI's JSON report (ESLint's shape) of a file it linted without a finding. */
export function cleanReport(filePath: string): Record<string, unknown> {
  return {
    filePath,
    messages: [],
    errorCount: 0,
    fatalErrorCount: 0,
    warningCount: 0,
    fixableErrorCount: 0,
    fixableWarningCount: 0,
    infoCount: 0,
    usedDeprecatedRules: [],
  };
}

/** The bare git mirror of MicrosoftDocs/office-docs-powershell the catalogue is extracted from (LYNC_PIC_DOCS_MIRROR overrides it). */
export const DOCS_MIRROR = process.env.LYNC_PIC_DOCS_MIRROR ?? '/work/.mirror/MicrosoftDocs+office-docs-powershell/repo';

/** Why the tests that read the mirror cannot run (it is absent, or lacks the commit), or undefined when they can. */
export function docsMirrorMissing(commit: string): string | undefined {
  try {
    execFileSync('git', ['-C', DOCS_MIRROR, 'cat-file', '-e', `${commit}^{commit}`], { stdio: 'ignore' });
    return undefined;
  } catch {
    return `the MicrosoftDocs/office-docs-powershell mirror is not at ${DOCS_MIRROR} with commit ${commit} (set LYNC_PIC_DOCS_MIRROR): not checked`;
  }
}

/** Runs scripts/extract-catalog.mjs at a commit into a temporary folder (`folder`: remove it when done); returns the paths of what it wrote. */
export function runExtractor(commit: string): { readonly folder: string; readonly data: string; readonly docs: string; readonly examples: string } {
  const folder = mkdtempSync(join(tmpdir(), 'lync-pic-catalog-'));
  const out = { folder, data: join(folder, 'data.generated.ts'), docs: join(folder, 'catalog.md'), examples: join(folder, 'examples.json') };
  execFileSync(
    process.execPath,
    [
      join(REPO_ROOT, 'scripts', 'extract-catalog.mjs'),
      DOCS_MIRROR,
      '--commit',
      commit,
      '--out',
      out.data,
      '--docs',
      out.docs,
      '--examples',
      out.examples,
      '--quiet',
    ],
    { cwd: REPO_ROOT, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  return out;
}

/** A line index of `text` that lists the offsets whose positions it is asked for, in the order asked. */
export function countingIndex(text: string): { index: LineIndex; asked: number[] } {
  const index = new LineIndex(text);
  const asked: number[] = [];
  const positionAt = index.positionAt.bind(index);
  index.positionAt = (offset) => (asked.push(offset), positionAt(offset));
  return { index, asked };
}
