import type { Finding, Severity } from '../engine';

/** A file's findings in ESLint's JSON formatter shape (1-based lines and columns). */
export interface FileReport {
  readonly filePath: string;
  readonly messages: readonly {
    readonly ruleId: string;
    readonly severity: 1 | 2;
    readonly message: string;
    readonly line: number;
    readonly column: number;
    readonly endLine: number;
    readonly endColumn: number;
  }[];
  readonly errorCount: number;
  readonly warningCount: number;
}

/** ESLint has warnings and errors only: information and hints count as warnings. */
function eslintSeverity(severity: Severity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

export function toFileReport(filePath: string, findings: readonly Finding[]): FileReport {
  const messages = findings.map((f) => ({
    ruleId: f.ruleId,
    severity: eslintSeverity(f.severity),
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  }));
  return {
    filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports);
}

/** The human format: a block per file, a line per finding, a total. */
export function formatStylish(reports: readonly FileReport[], findingsByFile: ReadonlyMap<string, readonly Finding[]>): string {
  const lines: string[] = [];
  for (const report of reports) {
    const findings = findingsByFile.get(report.filePath) ?? [];
    if (findings.length === 0) continue;
    lines.push(report.filePath);
    for (const f of findings) {
      const where = `${f.range.start.line + 1}:${f.range.start.character + 1}`.padEnd(8);
      lines.push(`  ${where} ${f.severity.padEnd(7)} ${f.message}  ${f.ruleId}`);
    }
    lines.push('');
  }
  const errors = reports.reduce((n, r) => n + r.errorCount, 0);
  const warnings = reports.reduce((n, r) => n + r.warningCount, 0);
  lines.push(errors + warnings === 0 ? `No problems in ${reports.length} file${reports.length === 1 ? '' : 's'}.` : `${errors + warnings} problem${errors + warnings === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'} or notes)`);
  return lines.join('\n');
}

export interface SarifRule {
  readonly id: string;
  readonly summary: string;
  readonly severity: Severity;
  readonly helpUri: string;
  readonly helpMarkdown?: string;
}

const SARIF_LEVEL: Readonly<Record<Severity, 'error' | 'warning' | 'note'>> = { error: 'error', warning: 'warning', info: 'note', hint: 'note' };

/** SARIF 2.1.0, as GitHub code scanning reads it: rules with help, results with regions (UTF-16 columns, 1-based). */
export function formatSarif(rules: readonly SarifRule[], findingsByFile: ReadonlyMap<string, readonly Finding[]>, version: string, toUri: (path: string) => string): string {
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
            artifactLocation: { uri: toUri(path), uriBaseId: '%SRCROOT%' },
            region: { startLine: f.range.start.line + 1, startColumn: f.range.start.character + 1, endLine: f.range.end.line + 1, endColumn: f.range.end.character + 1 },
          },
        },
      ],
    })),
  );
  const driver = {
    name: 'lync-pic',
    version,
    rules: rules.map((r) => ({
      id: r.id,
      shortDescription: { text: r.summary },
      helpUri: r.helpUri,
      help: { text: r.summary, ...(r.helpMarkdown ? { markdown: r.helpMarkdown } : {}) },
      defaultConfiguration: { level: SARIF_LEVEL[r.severity] },
    })),
  };
  const sarif = { $schema: 'https://json.schemastore.org/sarif-2.1.0.json', version: '2.1.0', runs: [{ tool: { driver }, columnKind: 'utf16CodeUnits', results }] };
  return JSON.stringify(sarif, null, 2);
}
