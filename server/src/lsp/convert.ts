import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { docsPath, type Finding, type Fix, type Severity } from '../engine';
import { SOURCE } from './initialization';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export { SOURCE };

/** The package root: the bundle runs from dist/, the docs ship in docs/ beside it. */
const PACKAGE_ROOT = join(__dirname, '..');

/** Each rule's page, computed once: a script with thousands of findings converts them on every keystroke. */
const docsUris = new Map<string, string>();

export function docsUri(ruleId: string): string {
  let uri = docsUris.get(ruleId);
  if (uri === undefined) {
    uri = pathToFileURL(join(PACKAGE_ROOT, docsPath(ruleId))).toString();
    docsUris.set(ruleId, uri);
  }
  return uri;
}

/** Turns findings into diagnostics, each made once: the linter keeps the findings of unchanged commands from one version to the next. */
export type DiagnosticConverter = (finding: Finding) => Diagnostic;

/**
 * The converter of a server. Compact (`compactDiagnostics` of initialization.ts): without the source and the docs
 * link, which the client adds.
 */
export function diagnosticConverter(compact: boolean): DiagnosticConverter {
  const made = new WeakMap<Finding, Diagnostic>();
  const diagnosticOf = compact ? compactDiagnosticOf : fullDiagnosticOf;
  return (finding) => {
    let diagnostic = made.get(finding);
    if (!diagnostic) {
      diagnostic = diagnosticOf(finding);
      made.set(finding, diagnostic);
    }
    return diagnostic;
  };
}

/** Engine ranges are already LSP's 0-based UTF-16 positions: findings convert one to one. */
function fullDiagnosticOf(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUri(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  };
}

function compactDiagnosticOf(finding: Finding): Diagnostic {
  return { range: finding.range, severity: SEVERITY[finding.severity], code: finding.ruleId, message: finding.message };
}

export function fixToEdit(uri: string, fix: Fix): WorkspaceEdit {
  return { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}
