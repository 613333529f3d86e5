// Real-VS-Code checks of completion and hover: VS Code's own commands (vscode.executeCompletionItemProvider and
// vscode.executeHoverProvider) reach the language server and get its answers. Fixture: completion-hover.ps1.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { EXTENSION_ID, open, waitForAsync } from './util';

const FIXTURE = 'completion-hover.ps1';

function lineOf(doc: vscode.TextDocument, start: string): number {
  for (let line = 0; line < doc.lineCount; line++) if (doc.lineAt(line).text.startsWith(start)) return line;
  assert.fail(`no line starting with ${start} in ${FIXTURE}`);
}

/** The end of the first line starting with `start`. */
function endOf(doc: vscode.TextDocument, start: string): vscode.Position {
  return doc.lineAt(lineOf(doc, start)).range.end;
}

function label(item: vscode.CompletionItem): string {
  return typeof item.label === 'string' ? item.label : item.label.label;
}

function markdownOf(item: vscode.CompletionItem): string {
  return typeof item.documentation === 'string' ? item.documentation : (item.documentation?.value ?? '');
}

/** Opens an empty untitled PowerShell editor and types `typed` into it as the keyboard would (the `type` command). */
async function typeInNewEditor(typed: string): Promise<vscode.TextEditor> {
  const doc = await vscode.workspace.openTextDocument({ language: 'powershell', content: '' });
  const editor = await vscode.window.showTextDocument(doc, { preview: false });
  await vscode.commands.executeCommand('type', { text: typed });
  assert.equal(doc.getText(), typed);
  return editor;
}

function text(contents: vscode.Hover['contents']): string {
  return contents.map((c) => (typeof c === 'string' ? c : c.value)).join('\n');
}

/** Asks VS Code for completions until the language server's appear (it may still be starting). */
function completionsWith(doc: vscode.TextDocument, position: vscode.Position, wanted: string, trigger?: string): Promise<vscode.CompletionItem[]> {
  return waitForAsync(`completion ${wanted} at ${position.line}:${position.character}`, async () => {
    const list = await vscode.commands.executeCommand<vscode.CompletionList>('vscode.executeCompletionItemProvider', doc.uri, position, trigger);
    return list.items.some((i) => label(i) === wanted) ? list.items : undefined;
  });
}

function hoversWith(doc: vscode.TextDocument, position: vscode.Position, pattern: RegExp): Promise<string> {
  return waitForAsync(`a hover matching ${String(pattern)} at ${position.line}:${position.character}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', doc.uri, position);
    const all = hovers.map((h) => text(h.contents)).join('\n---\n');
    return pattern.test(all) ? all : undefined;
  });
}

suite('lync-pic completion and hover in VS Code', () => {
  let doc: vscode.TextDocument;

  suiteSetup(async () => {
    doc = await open(FIXTURE);
    await vscode.extensions.getExtension(EXTENSION_ID)?.activate();
  });

  suiteTeardown(async () => {
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });

  test('completes the parameters of a half-typed command, without those already given', async () => {
    const items = await completionsWith(doc, endOf(doc, 'New-CsPublicProvider -Identity Skype -'), '-ProxyFqdn', '-');
    const labels = items.map(label);
    assert.ok(!labels.includes('-Identity'), `-Identity is given already: ${labels.join(' ')}`);
    const enabled = items.find((i) => label(i) === '-Enabled');
    assert.ok(enabled, labels.join(' '));
    assert.equal(enabled.detail, 'Boolean · required');
    assert.equal(enabled.kind, vscode.CompletionItemKind.Property);
  });

  test('completes $true and $false after a Boolean parameter', async () => {
    const items = await completionsWith(doc, endOf(doc, 'Set-CsPublicProvider -Identity Skype -Enabled $'), '$true', '$');
    assert.ok(items.some((i) => label(i) === '$false'));
  });

  test('completes enum names between the quotes of a quoted value, on the quote trigger', async () => {
    const closing = endOf(doc, 'Set-CsPublicProvider -Identity Skype -VerificationLevel "').translate(0, -1);
    const items = await completionsWith(doc, closing, 'AlwaysVerifiable', '"');
    assert.deepEqual(
      items.map(label).filter((l) => l.startsWith('Always')),
      ['AlwaysVerifiable', 'AlwaysUnverifiable'],
    );
    assert.ok(!items.some((i) => label(i) === '$true'));
  });

  test('hovers a cmdlet: syntax per parameter set and the official page', async () => {
    const position = new vscode.Position(lineOf(doc, 'New-CsPublicProvider -ProxyFqdn'), 4);
    const markdown = await hoversWith(doc, position, /New-CsPublicProvider \[-Identity\] <XdsGlobalRelativeIdentity>/);
    assert.match(markdown, /learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/new-cspublicprovider/);
  });

  test('hovers a VerificationLevel number with the name it stands for', async () => {
    const line = lineOf(doc, 'New-CsPublicProvider -ProxyFqdn');
    const character = doc.lineAt(line).text.indexOf('-VerificationLevel 2') + '-VerificationLevel '.length;
    const markdown = await hoversWith(doc, new vscode.Position(line, character), /UseSourceVerification/);
    assert.match(markdown, /inference/);
  });

  test('typing Set-CsUser -Ent in a PowerShell editor offers -EnterpriseVoiceEnabled, a Boolean, optional', async () => {
    const editor = await typeInNewEditor('Set-CsUser -Ent');
    const items = await completionsWith(editor.document, editor.selection.active, '-EnterpriseVoiceEnabled');
    const voice = items.find((i) => label(i) === '-EnterpriseVoiceEnabled');
    assert.ok(voice);
    assert.equal(voice.detail, 'Boolean · optional');
    assert.equal(voice.kind, vscode.CompletionItemKind.Property);
    assert.match(markdownOf(voice), /Parameter of Set-CsUser\.[\s\S]*Versions: Lync Server 2010/);
    const range = voice.range instanceof vscode.Range ? voice.range : voice.range?.replacing;
    assert.deepEqual([range?.start.character, range?.end.character], [11, 15], 'replaces -Ent');
  });

  test('typing Set-CsUs offers Set-CsUser with its detail and its syntax', async () => {
    const editor = await typeInNewEditor('Set-CsUs');
    const items = await completionsWith(editor.document, editor.selection.active, 'Set-CsUser');
    const user = items.find((i) => label(i) === 'Set-CsUser');
    assert.ok(user);
    assert.equal(user.detail, 'Skype for Business Server cmdlet');
    assert.equal(user.kind, vscode.CompletionItemKind.Function);
    assert.match(markdownOf(user), /Set-CsUser \[-Identity\] <UserIdParameter>/);
    assert.match(markdownOf(user), /learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser/);
  });

  test('a cmdlet name listed without documentation gets its syntax when VS Code resolves it', async () => {
    const editor = await typeInNewEditor('S');
    const position = editor.selection.active;
    const items = await completionsWith(editor.document, position, 'Set-CsUser');
    const index = items.findIndex((i) => i.detail === 'Skype for Business Server cmdlet' && i.documentation === undefined);
    assert.ok(index >= 0, 'every cmdlet came described');
    const name = label(items[index]);
    const resolved = await vscode.commands.executeCommand<vscode.CompletionList>(
      'vscode.executeCompletionItemProvider',
      editor.document.uri,
      position,
      undefined,
      index + 1,
    );
    const item = resolved.items.find((i) => label(i) === name);
    assert.ok(item);
    assert.match(markdownOf(item), new RegExp(`\`\`\`powershell\\n${name} `));
    assert.match(markdownOf(item), new RegExp(`learn\\.microsoft\\.com/powershell/module/skypeforbusiness/${name.toLowerCase()}\\)`));
  });

  test('hovers Set-CsUser with its syntax and official page, and -LineURI with its type', async () => {
    await vscode.window.showTextDocument(doc, { preview: false });
    const line = lineOf(doc, 'Set-CsUser -Identity');
    const markdown = await hoversWith(doc, new vscode.Position(line, 4), /Set-CsUser \[-Identity\] <UserIdParameter>/);
    assert.match(markdown, /\[Official reference: Set-CsUser\]\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser\)/);
    assert.match(markdown, /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    const lineUri = doc.lineAt(line).text.indexOf('-LineURI') + 3;
    assert.match(await hoversWith(doc, new vscode.Position(line, lineUri), /\*\*-LineURI\*\*/), /^\*\*-LineURI\*\* · `String` · optional/m);
  });
});
