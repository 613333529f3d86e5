import type { Finding, Severity } from '../engine';

/** The rule whose findings are text PowerShell cannot parse: ESLint's "fatal" parsing errors. */
const SYNTAX_ERROR_RULE = 'syntax-error';

interface JsonMessage {
  readonly ruleId: string;
  /** ESLint's two severities: 2 for errors, 1 for warnings and info notes. */
  readonly severity: 1 | 2;
  /** lync-pic's own severity, which tells an info note (severity 1) from a warning. */
  readonly lyncPicSeverity: Severity;
  /** Set, as ESLint sets it, on text that cannot be parsed. */
  readonly fatal?: true;
  readonly message: string;
  readonly line: number;
  readonly column: number;
  readonly endLine: number;
  readonly endColumn: number;
}

/** A file's findings in ESLint's JSON formatter shape (1-based lines and columns). */
export interface FileReport {
  readonly filePath: string;
  readonly messages: readonly JsonMessage[];
  readonly errorCount: number;
  readonly fatalErrorCount: number;
  /** Warnings only: info notes are counted apart, in infoCount, so that --max-warnings counts what ESLint's does. */
  readonly warningCount: number;
  /** Errors and warnings that `--fix` repairs (those with a safe fix). */
  readonly fixableErrorCount: number;
  readonly fixableWarningCount: number;
  readonly infoCount: number;
  /** ESLint's list of deprecated rules that ran: lync-pic has none. */
  readonly usedDeprecatedRules: readonly { readonly ruleId: string; readonly replacedBy: readonly string[] }[];
}

/** ESLint has warnings and errors only: info notes are severity 1 (and keep their own name in lyncPicSeverity). */
function eslintSeverity(severity: Severity): 1 | 2 {
  return severity === 'error' ? 2 : 1;
}

function isFatal(finding: Finding): boolean {
  return finding.ruleId === SYNTAX_ERROR_RULE && finding.severity === 'error';
}

function toMessage(f: Finding): JsonMessage {
  return {
    ruleId: f.ruleId,
    severity: eslintSeverity(f.severity),
    lyncPicSeverity: f.severity,
    ...(isFatal(f) ? { fatal: true as const } : {}),
    message: f.message,
    line: f.range.start.line + 1,
    column: f.range.start.character + 1,
    endLine: f.range.end.line + 1,
    endColumn: f.range.end.character + 1,
  };
}

export function toFileReport(filePath: string, findings: readonly Finding[]): FileReport {
  const count = (test: (f: Finding) => boolean) => findings.filter(test).length;
  const fixable = (f: Finding) => f.fixes.some((fix) => fix.safe);
  return {
    filePath,
    messages: findings.map(toMessage),
    errorCount: count((f) => f.severity === 'error'),
    fatalErrorCount: count(isFatal),
    warningCount: count((f) => f.severity === 'warning'),
    fixableErrorCount: count((f) => f.severity === 'error' && fixable(f)),
    fixableWarningCount: count((f) => f.severity === 'warning' && fixable(f)),
    infoCount: count((f) => f.severity === 'info'),
    usedDeprecatedRules: [],
  };
}

export function formatJson(reports: readonly FileReport[]): string {
  return JSON.stringify(reports);
}

/** "1 error", "2 warnings". */
function counted(n: number, singular: string, plural = `${singular}s`): string {
  return `${n} ${n === 1 ? singular : plural}`;
}

function total(reports: readonly FileReport[], key: 'errorCount' | 'warningCount' | 'infoCount'): number {
  return reports.reduce((n, r) => n + r[key], 0);
}

/**
 * The closing line: errors, warnings and info notes counted apart. Inputs that could not be linted (said on standard
 * error) are named, so that "No problems" never stands alone beside them.
 */
export function summaryLine(reports: readonly FileReport[], notLinted: number): string {
  const [errors, warnings, notes] = [total(reports, 'errorCount'), total(reports, 'warningCount'), total(reports, 'infoCount')];
  const problems = errors + warnings + notes;
  const skipped = notLinted > 0 ? `; ${counted(notLinted, 'input')} could not be linted` : '';
  if (problems === 0) return `No problems in ${counted(reports.length, 'file')}${skipped}.`;
  return `${counted(problems, 'problem')} (${counted(errors, 'error')}, ${counted(warnings, 'warning')}, ${counted(notes, 'info note')}) in ${counted(reports.length, 'file')}${skipped}.`;
}

/** The human format: a block per file, a line per finding, a total (none when nothing could be linted at all). */
export function formatStylish(reports: readonly FileReport[], findingsByFile: ReadonlyMap<string, readonly Finding[]>, notLinted: number): string {
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
  if (reports.length > 0) lines.push(summaryLine(reports, notLinted));
  return lines.join('\n');
}
