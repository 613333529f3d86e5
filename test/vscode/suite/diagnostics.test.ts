// Real-VS-Code checks of the extension: it activates on a PowerShell file, and its language server's
// diagnostics reach VS Code's diagnostics API. The workspace is test/fixtures/workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

const EXTENSION_ID = 'lync-pic.lync-pic';
const SOURCE = 'lync-pic';
const WRONG_FQDN = 'federation.messenger.msn.co';
const RIGHT_FQDN = 'federation.messenger.msn.com';
/** How long to wait for the language server (cold start included) before giving up. */
const DEADLINE_MS = 30_000;

function fixture(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'no workspace folder open (expected test/fixtures/workspace)');
  return vscode.Uri.joinPath(folder.uri, name);
}

function codeOf(d: vscode.Diagnostic): string | number | undefined {
  return typeof d.code === 'object' ? d.code.value : d.code;
}

function ours(uri: vscode.Uri): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => d.source === SOURCE);
}

function show(diagnostics: readonly vscode.Diagnostic[]): string {
  return JSON.stringify(diagnostics.map((d) => ({
    code: codeOf(d), source: d.source, message: d.message,
    range: [d.range.start.line, d.range.start.character, d.range.end.line, d.range.end.character],
  })));
}

/**
 * Polls `probe` until it returns a value other than undefined, or fails after `ms` with `what` and the last
 * state described by `state`. The workbench's copy of the diagnostics lags the extension host, so checks
 * poll with a deadline instead of sleeping.
 */
async function waitFor<T>(what: string, probe: () => T | undefined, state: () => string, ms = DEADLINE_MS): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) assert.fail(`timed out after ${ms} ms waiting for ${what}; last state: ${state()}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

async function open(name: string): Promise<vscode.TextDocument> {
  const doc = await vscode.workspace.openTextDocument(fixture(name));
  await vscode.window.showTextDocument(doc, { preview: false });
  return doc;
}

function rangeOf(doc: vscode.TextDocument, text: string): vscode.Range {
  const offset = doc.getText().indexOf(text);
  assert.ok(offset >= 0, `${text} not found in ${doc.uri.fsPath}`);
  return new vscode.Range(doc.positionAt(offset), doc.positionAt(offset + text.length));
}

suite('lync-pic in VS Code', () => {
  let clean: vscode.TextDocument;
  let wrong: vscode.TextDocument;

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('activates when a PowerShell file is opened', async () => {
    const ext = vscode.extensions.getExtension(EXTENSION_ID);
    assert.ok(ext, `extension ${EXTENSION_ID} is not loaded`);
    clean = await open('clean.ps1');
    assert.equal(clean.languageId, 'powershell');
    // onLanguage:powershell activates it; activate() returns the same activation (and throws if it failed).
    await ext.activate();
    assert.ok(ext.isActive);
  });

  test('reports skype-proxy-fqdn on the mistyped ProxyFqdn value', async () => {
    wrong = await open('wrong-proxy.ps1');
    const d = await waitFor(
      'a skype-proxy-fqdn diagnostic on wrong-proxy.ps1',
      () => ours(wrong.uri).find((x) => codeOf(x) === 'skype-proxy-fqdn'),
      () => show(vscode.languages.getDiagnostics(wrong.uri)),
    );
    assert.equal(d.source, SOURCE);
    const value = rangeOf(wrong, WRONG_FQDN);
    assert.ok(
      d.range.contains(value),
      `range ${show([d])} does not cover ${WRONG_FQDN} at ${value.start.line}:${value.start.character}`,
    );
    // A squiggle over the value, not over the whole line or file.
    assert.equal(d.range.start.line, value.start.line);
    assert.ok(d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
  });

  test('reports nothing on the documented Skype for Business command', () => {
    // clean.ps1 was opened before wrong-proxy.ps1, whose diagnostic has arrived: the server has answered.
    assert.deepEqual(show(ours(clean.uri)), '[]');
  });

  test('the diagnostic follows edits: appears on a typo, goes away when fixed', async () => {
    const editor = await vscode.window.showTextDocument(clean, { preview: false });
    const value = rangeOf(clean, RIGHT_FQDN);
    try {
      assert.ok(await editor.edit((b) => b.replace(value, WRONG_FQDN)));
      await waitFor(
        'a skype-proxy-fqdn diagnostic after the edit',
        () => ours(clean.uri).find((x) => codeOf(x) === 'skype-proxy-fqdn'),
        () => show(vscode.languages.getDiagnostics(clean.uri)),
      );
      const typo = new vscode.Range(value.start, value.start.translate(0, WRONG_FQDN.length));
      assert.ok(await editor.edit((b) => b.replace(typo, RIGHT_FQDN)));
      await waitFor(
        'the diagnostics to clear after the fix',
        () => (ours(clean.uri).length === 0 ? true : undefined),
        () => show(vscode.languages.getDiagnostics(clean.uri)),
      );
    } finally {
      // Leave the fixture as it is on disk.
      if (clean.isDirty) {
        await vscode.window.showTextDocument(clean);
        await vscode.commands.executeCommand('workbench.action.files.revert');
      }
    }
  });
});
