// Real-VS-Code checks of the extension: it activates on a PowerShell file, and its language server's
// diagnostics reach VS Code's diagnostics API. The workspace is test/fixtures/workspace.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';

import { codeOf, EXTENSION_ID, open, ours, rangeOf, RIGHT_FQDN, show, SOURCE, waitFor, WRONG_FQDN } from './util';

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
    // The rule's page, a link the extension adds to each diagnostic (the server leaves it out: compactDiagnostics).
    assert.ok(
      typeof d.code === 'object' && d.code.target.path.endsWith('/docs/rules/skype-proxy-fqdn.md'),
      `no docs link: ${String(typeof d.code === 'object' ? d.code.target : d.code)}`,
    );
    const value = rangeOf(wrong, WRONG_FQDN);
    assert.ok(d.range.contains(value), `range ${show([d])} does not cover ${WRONG_FQDN} at ${value.start.line}:${value.start.character}`);
    // A squiggle over the value, not over the whole line or file.
    assert.equal(d.range.start.line, value.start.line);
    assert.ok(d.severity === vscode.DiagnosticSeverity.Error || d.severity === vscode.DiagnosticSeverity.Warning);
  });

  test('reports nothing on the documented Skype for Business command', () => {
    // clean.ps1 was opened before wrong-proxy.ps1, whose diagnostic has arrived: the server has answered.
    assert.deepEqual(show(ours(clean.uri)), '[]');
  });

  test('reports a misspelt parameter of a Teams script, checked against the Teams module', async () => {
    const content = 'Connect-MicrosoftTeams\nSet-CsExternalAccessPolicy -Identity Global -EnabledFederationAccess $true\n';
    const teams = await vscode.workspace.openTextDocument({ language: 'powershell', content });
    await vscode.window.showTextDocument(teams, { preview: false });
    try {
      const d = await waitFor(
        'an unknown-parameter diagnostic on the Teams script',
        () => ours(teams.uri).find((x) => codeOf(x) === 'unknown-parameter'),
        () => show(vscode.languages.getDiagnostics(teams.uri)),
      );
      assert.equal(d.range.start.line, 1);
      assert.equal(teams.getText(d.range), '-EnabledFederationAccess');
      assert.match(d.message, /Did you mean -EnableFederationAccess\b/);
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
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

  test('after edits typed one by one, shows the diagnostics of a document opened with the final text', async () => {
    // The server sends each version's diagnostics as splices of the list the extension holds (diagnosticSplices):
    // a wrong one would leave the edited document's diagnostics different from a fresh copy's.
    const provider = (n: number): string =>
      `New-CsPublicProvider -Identity Skype${n} -ProxyFqdn ${WRONG_FQDN} -Enabled $true -NameDecorationRoutingDomain msn.com\n`;
    const initial = Array.from({ length: 12 }, (_, n) => provider(n)).join('');
    const edited = await vscode.workspace.openTextDocument({ language: 'powershell', content: initial });
    const editor = await vscode.window.showTextDocument(edited, { preview: false });
    try {
      await waitFor(
        'the diagnostics of the 12 providers',
        () => (ours(edited.uri).length >= 12 ? true : undefined),
        () => show(ours(edited.uri)),
      );
      // Typed at the end of line 5, one character at a time: a parameter, a space, a line break, a letter; then the
      // first ProxyFqdn corrected.
      for (const text of ['-Foo', ' ', '\n', 'x']) {
        const end = edited.lineAt(5).range.end;
        for (let i = 0; i < text.length; i++) assert.ok(await editor.edit((b) => b.insert(end.translate(0, i), text[i])));
      }
      assert.ok(await editor.edit((b) => b.replace(rangeOf(edited, WRONG_FQDN), RIGHT_FQDN)));
      const fresh = await vscode.workspace.openTextDocument({ language: 'powershell', content: edited.getText() });
      const expected = await waitFor(
        'the diagnostics of the fresh copy',
        () => (ours(fresh.uri).length > 0 ? show(ours(fresh.uri)) : undefined),
        () => show(ours(fresh.uri)),
      );
      await waitFor(
        'the edited document to show the diagnostics of the fresh copy',
        () => (show(ours(edited.uri)) === expected ? true : undefined),
        () => `edited: ${show(ours(edited.uri))}\nfresh: ${expected}`,
      );
    } finally {
      await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
    }
  });
});
