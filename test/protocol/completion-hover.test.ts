import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  CompletionItemKind,
  CompletionRequest,
  CompletionResolveRequest,
  CompletionTriggerKind,
  DidChangeTextDocumentNotification,
  HoverRequest,
  MarkupKind,
  type CompletionItem,
  type Hover,
  type MarkupContent,
  type Position,
  type TextEdit,
} from 'vscode-languageserver-protocol/node';
import { ServerUnderTest } from './client';

async function completion(server: ServerUnderTest, uri: string, position: Position, triggerCharacter?: string): Promise<CompletionItem[]> {
  const context = triggerCharacter ? { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter } : { triggerKind: CompletionTriggerKind.Invoked };
  const result = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position, context });
  return Array.isArray(result) ? result : (result?.items ?? []);
}

async function hoverAt(server: ServerUnderTest, uri: string, position: Position): Promise<Hover | null> {
  return server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position });
}

describe('completion and hover over stdio', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await ServerUnderTest.start();
  });
  after(async () => server.stop());

  it('announces completion (with trigger characters) and hover', () => {
    assert.deepEqual(server.capabilities.completionProvider?.triggerCharacters, ['-', ' ', '$', ':', '"', "'"]);
    assert.equal(server.capabilities.completionProvider?.resolveProvider, true);
    assert.equal(server.capabilities.hoverProvider, true);
  });

  it('completes the parameters of a half-typed command, with type and required in the detail', async () => {
    const uri = 'file:///work/half-typed.ps1';
    await server.open(uri, 'New-CsPublicProvider -Identity Skype -');
    const items = await completion(server, uri, { line: 0, character: 38 }, '-');
    const labels = items.map((i) => i.label);
    assert.ok(labels.includes('-ProxyFqdn'));
    assert.ok(!labels.includes('-Identity'));
    const enabled = items.find((i) => i.label === '-Enabled');
    assert.ok(enabled);
    assert.equal(enabled.kind, CompletionItemKind.Property);
    assert.equal(enabled.detail, 'Boolean · required');
    assert.equal((enabled.documentation as MarkupContent).kind, MarkupKind.Markdown);
    assert.deepEqual(enabled.textEdit, { range: { start: { line: 0, character: 37 }, end: { line: 0, character: 38 } }, newText: '-Enabled ' });
    assert.equal(enabled.command?.command, 'editor.action.triggerSuggest');
  });

  it('completes values after an edit: $true/$false, enum names and the documented ProxyFqdn', async () => {
    const uri = 'file:///work/values.ps1';
    await server.open(uri, '');
    const text =
      'New-CsPublicProvider -Identity Skype -Enabled \nSet-CsPublicProvider -Identity Skype -VerificationLevel \nNew-CsPublicProvider -Identity Skype -ProxyFqdn ';
    const next = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
    await next;
    const booleans = await completion(server, uri, { line: 0, character: 46 }, ' ');
    assert.deepEqual(
      booleans.map((i) => i.label),
      ['$true', '$false'],
    );
    assert.deepEqual(
      booleans.map((i) => i.kind),
      [CompletionItemKind.Constant, CompletionItemKind.Constant],
    );
    const levels = await completion(server, uri, { line: 1, character: 56 }, ' ');
    assert.deepEqual(
      levels.map((i) => i.label),
      ['AlwaysVerifiable', 'AlwaysUnverifiable', 'UseSourceVerification'],
    );
    assert.equal(levels[0].kind, CompletionItemKind.EnumMember);
    const [proxy] = await completion(server, uri, { line: 2, character: 48 }, ' ');
    assert.equal(proxy.label, 'federation.messenger.msn.com');
    assert.deepEqual((proxy.textEdit as TextEdit).range, { start: { line: 2, character: 48 }, end: { line: 2, character: 48 } });
  });

  it('completes a value between the quotes the editor closed when the quote was typed', async () => {
    const uri = 'file:///work/quoted.ps1';
    await server.open(uri, 'New-CsPublicProvider -Identity Skype -NameDecorationExcludedDomainList ""\nWrite-Host ""');
    const [list] = await completion(server, uri, { line: 0, character: 72 }, '"');
    assert.equal(list.label, 'msn.com,outlook.com,live.com,hotmail.com');
    assert.deepEqual(list.textEdit, {
      range: { start: { line: 0, character: 72 }, end: { line: 0, character: 72 } },
      newText: 'msn.com,outlook.com,live.com,hotmail.com',
    });
    assert.deepEqual(await completion(server, uri, { line: 1, character: 12 }, '"'), []);
  });

  it('completes cmdlet names, and answers nothing outside the Cs cmdlets', async () => {
    const uri = 'file:///work/names.ps1';
    await server.open(uri, 'New-Cs\nWrite-Host -');
    const names = await completion(server, uri, { line: 0, character: 6 });
    const provider = names.find((i) => i.label === 'New-CsPublicProvider');
    assert.equal(provider?.kind, CompletionItemKind.Function);
    assert.deepEqual(await completion(server, uri, { line: 1, character: 12 }, '-'), []);
  });

  it('hovers a cmdlet with its syntax and official link, and a VerificationLevel number with its name', async () => {
    const uri = 'file:///work/hover.ps1';
    const text = 'New-CsPublicProvider -ProxyFqdn federation.messenger.msn.com -Enabled 1 -Identity Skype  -VerificationLevel 2\n';
    await server.open(uri, text);
    const cmdlet = await hoverAt(server, uri, { line: 0, character: 4 });
    assert.ok(cmdlet);
    const markdown = cmdlet.contents as MarkupContent;
    assert.equal(markdown.kind, MarkupKind.Markdown);
    assert.match(markdown.value, /```powershell\nNew-CsPublicProvider \[-Identity\] <XdsGlobalRelativeIdentity>/);
    assert.match(markdown.value, /https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/new-cspublicprovider/);
    assert.deepEqual(cmdlet.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 20 } });
    const level = await hoverAt(server, uri, { line: 0, character: text.indexOf(' 2\n') + 1 });
    assert.match((level?.contents as MarkupContent).value, /`UseSourceVerification`[\s\S]*inference/);
    const parameter = await hoverAt(server, uri, { line: 0, character: text.indexOf('-Enabled') + 2 });
    assert.match((parameter?.contents as MarkupContent).value, /^\*\*-Enabled\*\* · `Boolean` · required/);
    assert.equal(await hoverAt(server, uri, { line: 0, character: text.indexOf('Skype') + 1 }), null);
  });

  it('completes Set-CsUser -Ent with -EnterpriseVoiceEnabled, its type and that it is optional', async () => {
    const uri = 'file:///work/set-csuser.ps1';
    const text = 'Set-CsUser -Identity "sip:kenmyer@contoso.com" -Ent';
    await server.open(uri, text);
    const items = await completion(server, uri, { line: 0, character: text.length });
    const voice = items.find((i) => i.label === '-EnterpriseVoiceEnabled');
    assert.ok(voice, items.map((i) => i.label).join(' '));
    assert.equal(voice.kind, CompletionItemKind.Property);
    assert.equal(voice.detail, 'Boolean · optional');
    assert.deepEqual(voice.textEdit, { range: { start: { line: 0, character: 47 }, end: { line: 0, character: 51 } }, newText: '-EnterpriseVoiceEnabled ' });
    assert.equal(voice.command?.command, 'editor.action.triggerSuggest');
    assert.match((voice.documentation as MarkupContent).value, /^\*\*-EnterpriseVoiceEnabled\*\* · `Boolean` · optional[\s\S]*Versions: Lync Server 2010/);
    assert.ok(!items.some((i) => i.label === '-Identity'), 'given already');
    const lineUri = (await completion(server, uri, { line: 0, character: text.length - 3 }, '-')).find((i) => i.label === '-LineURI');
    assert.equal(lineUri?.detail, 'String · optional');
  });

  it('lists the whole module for a cmdlet name, and describes Set-CsUser on completionItem/resolve', async () => {
    const uri = 'file:///work/names-module.ps1';
    await server.open(uri, 'S\nSet-CsUs');
    const items = await completion(server, uri, { line: 0, character: 1 });
    assert.ok(items.length > 800, String(items.length));
    const user = items.find((i) => i.label === 'Set-CsUser');
    assert.ok(user);
    assert.equal(user.kind, CompletionItemKind.Function);
    assert.equal(user.detail, 'Skype for Business Server cmdlet');
    assert.equal(user.documentation, undefined, 'not described in the list: too many match');
    assert.deepEqual(user.data, { cmdlet: 'Set-CsUser', target: 'any' });
    const resolved = await server.connection.sendRequest(CompletionResolveRequest.type, user);
    const markdown = resolved.documentation as MarkupContent;
    assert.equal(markdown.kind, MarkupKind.Markdown);
    assert.match(markdown.value, /^\*\*Set-CsUser\*\*\n\n```powershell\nSet-CsUser \[-Identity\] <UserIdParameter> \[-AcpInfo <AcpInfo>\]/);
    assert.match(markdown.value, /\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser\)/);
    assert.equal(resolved.label, 'Set-CsUser');
    assert.deepEqual(resolved.textEdit, user.textEdit);
    // An item the server did not make comes back as it was.
    const foreign = { label: 'Get-ChildItem', data: { something: 'else' } };
    assert.deepEqual(await server.connection.sendRequest(CompletionResolveRequest.type, foreign), foreign);
    // With a longer prefix the few matching cmdlets are described in the list itself.
    const typed = (await completion(server, uri, { line: 1, character: 8 })).find((i) => i.label === 'Set-CsUser');
    assert.match((typed?.documentation as MarkupContent | undefined)?.value ?? '', /```powershell\nSet-CsUser \[-Identity\]/);
  });

  it('hovers Set-CsUser with its syntax and page, and its parameters with type, usage and versions', async () => {
    const uri = 'file:///work/hover-csuser.ps1';
    const text = 'Set-CsUser -Identity "sip:kenmyer@contoso.com" -EnterpriseVoiceEnabled $true -LineURI "tel:+14255550100"\n';
    await server.open(uri, text);
    const cmdlet = await hoverAt(server, uri, { line: 0, character: 5 });
    assert.ok(cmdlet);
    const markdown = (cmdlet.contents as MarkupContent).value;
    assert.match(markdown, /```powershell\nSet-CsUser \[-Identity\] <UserIdParameter> /);
    assert.match(markdown, /Versions: Lync Server 2010, Lync Server 2013, Skype for Business Server 2015, Skype for Business Server 2019/);
    assert.match(markdown, /\[Official reference: Set-CsUser\]\(https:\/\/learn\.microsoft\.com\/powershell\/module\/skypeforbusiness\/set-csuser\)/);
    assert.deepEqual(cmdlet.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 10 } });
    const voice = await hoverAt(server, uri, { line: 0, character: text.indexOf('-EnterpriseVoiceEnabled') + 3 });
    assert.match((voice?.contents as MarkupContent).value, /^\*\*-EnterpriseVoiceEnabled\*\* · `Boolean` · optional[\s\S]*Values: `\$true` or `\$false`/);
    const identity = await hoverAt(server, uri, { line: 0, character: text.indexOf('-Identity') + 3 });
    assert.match((identity?.contents as MarkupContent).value, /^\*\*-Identity\*\* · `UserIdParameter` · required · position 0[\s\S]*accepts pipeline input/);
    const lineUri = await hoverAt(server, uri, { line: 0, character: text.indexOf('-LineURI') + 3 });
    assert.match((lineUri?.contents as MarkupContent).value, /^\*\*-LineURI\*\* · `String` · optional/);
  });

  it('answers an unknown document with nothing rather than an error', async () => {
    assert.deepEqual(await completion(server, 'file:///work/never-opened.ps1', { line: 0, character: 0 }), []);
    assert.equal(await hoverAt(server, 'file:///work/never-opened.ps1', { line: 0, character: 0 }), null);
  });
});

describe('completion and hover follow the target version setting', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await ServerUnderTest.start({ targetVersion: 'lync2010' });
  });
  after(async () => server.stop());

  it('offers only the parameters Lync Server 2010 has, and says so in the hover', async () => {
    const uri = 'file:///work/lync2010.ps1';
    await server.open(uri, 'New-CsPublicProvider -Identity Skype -IconUrl x -');
    const labels = (await completion(server, uri, { line: 0, character: 49 }, '-')).map((i) => i.label);
    assert.ok(labels.includes('-ProxyFqdn'));
    assert.ok(!labels.includes('-EnableSkypeIdRouting'));
    assert.ok(!labels.includes('-NameDecorationRoutingDomain'));
    const icon = await hoverAt(server, uri, { line: 0, character: 40 });
    assert.match((icon?.contents as MarkupContent).value, /Not available on Lync Server 2010/);
  });

  it('lists only the cmdlets Lync Server 2010 has, and resolves their syntax for it', async () => {
    const uri = 'file:///work/lync2010-names.ps1';
    await server.open(uri, 'S');
    const items = await completion(server, uri, { line: 0, character: 1 });
    const labels = items.map((i) => i.label);
    assert.ok(!labels.includes('Set-CsUserDelegates'), 'Skype for Business Server 2019 on');
    const user = items.find((i) => i.label === 'Set-CsUser');
    assert.deepEqual(user?.data, { cmdlet: 'Set-CsUser', target: 'lync2010' });
    const resolved = await server.connection.sendRequest(CompletionResolveRequest.type, user);
    const markdown = (resolved.documentation as MarkupContent).value;
    assert.match(markdown, /Parameters shown: those of Lync Server 2010/);
    assert.doesNotMatch(markdown, /ExchangeArchivingPolicy/);
  });
});
