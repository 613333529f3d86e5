// Real-VS-Code checks of the code actions, snippets and fix-all on save.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { codeOf, diagnosticsAfterProbe, fixture, ours, show, waitFor, waitForAsync } from './util';

const REMOVE_FIRST = 'Remove-CsPublicProvider -Identity Skype\n';
const WRONG = `${REMOVE_FIRST}New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n`;

async function untitled(content: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'powershell', content });
  return vscode.window.showTextDocument(doc, { preview: false });
}

function diagnosticWith(doc: vscode.TextDocument, code: string): Promise<vscode.Diagnostic> {
  return waitFor(
    `a ${code} diagnostic`,
    () => ours(doc.uri).find((d) => codeOf(d) === code),
    () => show(vscode.languages.getDiagnostics(doc.uri)),
  );
}

async function codeActions(doc: vscode.TextDocument, range: vscode.Range, kind?: string): Promise<vscode.CodeAction[]> {
  return (await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', doc.uri, range, kind)) ?? [];
}

suite('lync-pic fixes in VS Code', () => {
  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('a quick fix applied through the code action provider removes the diagnostic', async () => {
    const { document } = await untitled(WRONG);
    const diagnostic = await diagnosticWith(document, 'skype-proxy-fqdn');
    const fix = await waitForAsync('the quick fix', async () =>
      (await codeActions(document, diagnostic.range, vscode.CodeActionKind.QuickFix.value)).find((a) => a.title === 'Change to federation.messenger.msn.com'),
    );
    assert.ok(fix?.edit, 'the quick fix has an edit');
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    await waitFor(
      'the diagnostic to go',
      () => (ours(document.uri).some((d) => codeOf(d) === 'skype-proxy-fqdn') ? undefined : true),
      () => show(ours(document.uri)),
    );
    assert.match(document.getText(), /-ProxyFqdn federation\.messenger\.msn\.com /);
  });

  test('"Insert the documented Skype provider command" produces a command that lints clean', async () => {
    const editor = await untitled('# Skype connectivity\n');
    const { document } = editor;
    const position = new vscode.Position(1, 0);
    const actions = await codeActions(document, new vscode.Range(position, position), 'source.lyncPic.insertSkypeProvider');
    const insert = actions.find((a) => a.title.startsWith('Insert the documented Skype provider command, removing'));
    assert.ok(insert?.edit, `no insert action among ${actions.map((a) => a.title).join(', ')}`);
    assert.ok(await vscode.workspace.applyEdit(insert.edit));
    assert.match(document.getText(), /New-CsPublicProvider -Identity Skype -ProxyFqdn federation\.messenger\.msn\.com/);
    assert.equal(show(await diagnosticsAfterProbe(editor)), '[]');
  });

  test('a snippet inserted with editor.action.insertSnippet lints clean', async () => {
    const editor = await untitled('');
    await vscode.commands.executeCommand('editor.action.insertSnippet', {
      langId: 'powershell',
      name: 'Skype provider, re-runnable (Skype for Business Server)',
    });
    await waitFor(
      'the snippet text',
      () => (editor.document.getText().includes('New-CsPublicProvider') ? true : undefined),
      () => editor.document.getText(),
    );
    assert.match(editor.document.getText(), /-EnableSkypeDirectorySearch \$true/);
    assert.equal(show(await diagnosticsAfterProbe(editor)), '[]');
  });

  test('source.fixAll.lyncPic runs on save when editor.codeActionsOnSave asks for it', async () => {
    const settings = vscode.workspace.getConfiguration('editor', { languageId: 'powershell' });
    await settings.update('codeActionsOnSave', { 'source.fixAll.lyncPic': 'explicit' }, vscode.ConfigurationTarget.Global, true);
    const uri = fixture('fix-on-save.tmp.ps1');
    await vscode.workspace.fs.writeFile(uri, Buffer.from(WRONG));
    try {
      const doc = await vscode.workspace.openTextDocument(uri);
      await vscode.window.showTextDocument(doc, { preview: false });
      await diagnosticWith(doc, 'invalid-value');
      const editor = vscode.window.activeTextEditor;
      assert.ok(editor);
      // Make the document dirty so that save runs the on-save actions.
      await editor.edit((b) => b.insert(new vscode.Position(0, 0), '# fixed on save\n'));
      await doc.save();
      const saved = Buffer.from(await vscode.workspace.fs.readFile(uri)).toString('utf8');
      assert.match(saved, /-ProxyFqdn federation\.messenger\.msn\.com -Enabled \$true /);
    } finally {
      await vscode.commands.executeCommand('workbench.action.closeActiveEditor');
      await vscode.workspace.fs.delete(uri);
      await settings.update('codeActionsOnSave', undefined, vscode.ConfigurationTarget.Global, true);
    }
  });
});
