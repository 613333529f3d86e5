import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import { DiagnosticSeverity, type Diagnostic, type WorkspaceEdit } from 'vscode-languageserver';
import { docsPath, type Finding, type Fix, type Severity } from '../engine';

const SEVERITY: Readonly<Record<Severity, DiagnosticSeverity>> = {
  error: DiagnosticSeverity.Error,
  warning: DiagnosticSeverity.Warning,
  info: DiagnosticSeverity.Information,
  hint: DiagnosticSeverity.Hint,
};

export const SOURCE = 'lync-pic';

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

/** The diagnostic of each finding: the linter keeps the findings of unchanged commands from one version to the next. */
const diagnostics = new WeakMap<Finding, Diagnostic>();

/** Engine ranges are already LSP's 0-based UTF-16 positions: findings convert one to one. */
export function toDiagnostic(finding: Finding): Diagnostic {
  let diagnostic = diagnostics.get(finding);
  if (!diagnostic) {
    diagnostic = diagnosticOf(finding);
    diagnostics.set(finding, diagnostic);
  }
  return diagnostic;
}

function diagnosticOf(finding: Finding): Diagnostic {
  return {
    range: finding.range,
    severity: SEVERITY[finding.severity],
    code: finding.ruleId,
    codeDescription: { href: docsUri(finding.ruleId) },
    source: SOURCE,
    message: finding.message,
  };
}

export function fixToEdit(uri: string, fix: Fix): WorkspaceEdit {
  return { changes: { [uri]: fix.edits.map((e) => ({ range: e.range, newText: e.newText })) } };
}
