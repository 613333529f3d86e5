import { readdirSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { Linter, type LintOptions, type LintResult } from '../server/src/engine/lint';

/** The repository root, from the compiled tests in out/test/. */
export const REPO_ROOT = join(__dirname, '..', '..');

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
