import { isAbsolute, relative, resolve, sep } from 'node:path';
import { pathToFileURL } from 'node:url';
import type { Finding, Severity } from '../engine';
import { STDIN_PATH } from './files';

export interface SarifRule {
  readonly id: string;
  readonly summary: string;
  readonly severity: Severity;
  /** What the rule finds, in plain text (the opening of its docs page). */
  readonly description: string;
  /** The whole docs page, when it could be read. */
  readonly helpMarkdown?: string;
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };
const SRCROOT = '%SRCROOT%';

/**
 * Where a file is, for code scanning: under the working folder, a relative URI against %SRCROOT%; elsewhere an
 * absolute file URI (a `../` path would climb out of the checkout the results are shown against); standard input,
 * which has no URI, only a description.
 */
export function artifactLocation(path: string, root: string): Record<string, unknown> {
  if (path === STDIN_PATH) return { description: { text: 'standard input' } };
  const absolute = resolve(path);
  const inside = relative(root, absolute);
  if (inside === '' || inside.startsWith('..') || isAbsolute(inside)) return { uri: pathToFileURL(absolute).href };
  return { uri: inside.split(sep).map(encodeURIComponent).join('/'), uriBaseId: SRCROOT };
}

/** The opening paragraph of a rule's docs page, as plain text: what the rule finds. */
export function describedIn(page: string): string | undefined {
  const paragraph = page
    .replace(/^#[^\n]*\n/, '')
    .trim()
    .split(/\n\s*\n/)[0];
  return paragraph ? paragraph.replace(/\s*\n\s*/g, ' ').trim() : undefined;
}

function sarifRule(rule: SarifRule): Record<string, unknown> {
  return {
    id: rule.id,
    shortDescription: { text: rule.summary },
    fullDescription: { text: rule.description },
    // No helpUri: the docs pages live inside the installed package, which is no link where the results are read.
    help: { text: rule.description, ...(rule.helpMarkdown ? { markdown: rule.helpMarkdown } : {}) },
    defaultConfiguration: { level: SARIF_LEVEL[rule.severity] },
  };
}

/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help, results with regions (UTF-16 columns, 1-based). */
export function formatSarif(rules: readonly SarifRule[], findingsByFile: ReadonlyMap<string, readonly Finding[]>, version: string, root: string): string {
  const ruleIndex = new Map(rules.map((r, i) => [r.id, i]));
  const results = [...findingsByFile].flatMap(([path, findings]) =>
    findings.map((f) => ({
      ruleId: f.ruleId,
      ruleIndex: ruleIndex.get(f.ruleId),
      level: SARIF_LEVEL[f.severity],
      message: { text: f.message },
      locations: [
        {
          physicalLocation: {
            artifactLocation: artifactLocation(path, root),
            region: {
              startLine: f.range.start.line + 1,
              startColumn: f.range.start.character + 1,
              endLine: f.range.end.line + 1,
              endColumn: f.range.end.character + 1,
            },
          },
        },
      ],
    })),
  );
  const run = {
    tool: { driver: { name: 'lync-pic', version, rules: rules.map(sarifRule) } },
    // Where the relative URIs start: the folder lync-pic ran in (a base URI ends with a slash).
    originalUriBaseIds: { [SRCROOT]: { uri: `${pathToFileURL(root).href.replace(/\/$/, '')}/` } },
    columnKind: 'utf16CodeUnits',
    results,
  };
  return JSON.stringify({ $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [run] }, null, 2);
}
