// Helpers shared by the real-VS-Code suites.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

export const EXTENSION_ID = 'lync-pic.lync-pic';
export const SOURCE = 'lync-pic';
export const WRONG_FQDN = 'federation.messenger.msn.co';
export const RIGHT_FQDN = 'federation.messenger.msn.com';
/** How long to wait for the language server (cold start included) before giving up. */
export const DEADLINE_MS = 30_000;

export function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open (expected test/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

export function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

/** lync-pic's problems on a document (hints, which are suggestions rather than problems, left out). */
export function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE && d.severity !== vscode.DiagnosticSeverity.Hint);
}

export function show(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(
    diagnostics.map((d) => ({
      code: codeOf(d),
      source: d.source,
      message: d.message,
      range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
    })),
  );
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `ms` with `what` and the last
 * state described by `state`. The workbench's copy of the diagnostics lags the extension host, so checks
 * poll with a deadline instead of sleeping.
 */
export async function waitFor<T>(what: string, probe: () => T | undefined, state: () => string, ms = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}; last state: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

export async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

export function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not found in ${doc.uri.fsPath}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

/** Like waitFor, for probes that must ask VS Code asynchronously (code actions lag diagnostics too). */
export async function waitForAsync<T>(what: string, probe: () => Promise<T | undefined>, ms = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** A line with one known finding: once its diagnostic is published, the server has linted everything above it. */
export const PROBE_LINE = 'Get-CsPublicProvider -Identiy Probe';

/** Appends the probe line, waits for its diagnostic, and returns the other lync-pic diagnostics of the document. */
export async function diagnosticsAfterProbe(editor: vscode.TextEditor): Promise<vscode.Diagnostic[]> {
  const doc = editor.document;
  const end = doc.lineAt(doc.lineCount - 1).range.end;
  assert.ok(await editor.edit((b) => b.insert(end, `${doc.getText().endsWith('\n') ? '' : '\n'}${PROBE_LINE}\n`)));
  const probeLine = doc.lineCount - 2;
  await waitFor(
    "the probe line's diagnostic",
    () => ours(doc.uri).find((d) => d.range.start.line === probeLine && codeOf(d) === 'unknown-parameter'),
    () => show(ours(doc.uri)),
  );
  return ours(doc.uri).filter((d) => d.range.start.line !== probeLine);
}
