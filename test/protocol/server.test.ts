import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  CodeActionRequest,
  DidChangeTextDocumentNotification,
  DidSaveTextDocumentNotification,
  DiagnosticSeverity,
  type CodeAction,
} from 'vscode-languageserver-protocol/node';
import { completeDiagnostic, EXTENSION_INITIALIZATION_OPTIONS } from '../../server/src/lsp/initialization';
import { problems, ServerUnderTest } from './client';

const REMOVE_FIRST = 'Remove-CsPublicProvider -Identity Skype\n';
const WRONG_PROXY = `${REMOVE_FIRST}New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n`;
const NO_ROUTING = `${REMOVE_FIRST}New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com -Enabled $true\n`;

describe('language server over stdio', () => {
  let server: ServerUnderTest;
  before(async () => {
    server = await ServerUnderTest.start();
  });
  after(async () => server.stop());

  it('publishes a diagnostic with rule id, docs link and range on open', async () => {
    const diagnostics = problems((await server.open('file:///work/wrong-proxy.ps1', WRONG_PROXY)).diagnostics);
    assert.equal(diagnostics.length, 1);
    const [d] = diagnostics;
    assert.equal(d.code, 'skype-proxy-fqdn');
    assert.equal(d.source, 'lync-pic');
    assert.equal(d.severity, DiagnosticSeverity.Error);
    assert.deepEqual(d.range, { start: { line: 1, character: 48 }, end: { line: 1, character: 75 } });
    assert.match(d.codeDescription?.href ?? '', /^file:\/\/.*\/docs\/rules\/skype-proxy-fqdn\.md$/);
  });

  it('re-lints after an incremental change and offers the quick fix', async () => {
    const uri = 'file:///work/edit.ps1';
    assert.equal(problems((await server.open(uri, 'Get-CsPublicProvider\n')).diagnostics).length, 0);
    const next = server.nextDiagnostics(uri, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri, version: 2 },
      contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 1, character: 0 } }, text: WRONG_PROXY }],
    });
    const diagnostics = problems((await next).diagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['skype-proxy-fqdn'],
    );
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    const fix = actions.find((a) => a.title === 'Change to federation.messenger.msn.com');
    assert.equal(fix?.isPreferred, true);
    assert.deepEqual(fix?.edit?.changes?.[uri], [{ range: diagnostics[0].range, newText: 'federation.messenger.msn.com' }]);
  });

  it('offers the quick fix of a document whose whole lint was let go for the documents edited after it', async () => {
    const first = 'file:///work/kept-first.ps1';
    const diagnostics = problems((await server.open(first, WRONG_PROXY)).diagnostics);
    // More documents than the server keeps whole lints of (KEPT_LINTS in server.ts).
    for (let i = 0; i < 12; i++) await server.open(`file:///work/kept-${i}.ps1`, NO_ROUTING);
    const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri: first },
      range: diagnostics[0].range,
      context: { diagnostics },
    })) as CodeAction[];
    assert.ok(
      actions.some((a) => a.title === 'Change to federation.messenger.msn.com'),
      actions.map((a) => a.title).join(', '),
    );
    // And its next edit is linted as any other.
    const next = server.nextDiagnostics(first, 2);
    await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
      textDocument: { uri: first, version: 2 },
      contentChanges: [{ range: diagnostics[0].range, text: 'federation.messenger.msn.com' }],
    });
    assert.deepEqual(problems((await next).diagnostics), []);
  });

  it('lints only the latest of a burst of edits', async () => {
    const uri = 'file:///work/burst.ps1';
    await server.open(uri, '');
    const last = server.nextDiagnostics(uri, 11);
    for (let version = 2; version <= 11; version++) {
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version },
        contentChanges: [{ text: version === 11 ? WRONG_PROXY : `Get-CsPublicProvider # ${version}\n` }],
      });
    }
    assert.deepEqual(
      problems((await last).diagnostics).map((d) => d.code),
      ['skype-proxy-fqdn'],
    );
    const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version);
    assert.ok(versions.length < 5, `expected the burst to be coalesced, got versions ${versions.join(',')}`);
  });
});

describe('compact diagnostics (the extension adds source and docs link)', () => {
  it('publishes each diagnostic without source and docs link, and answers code actions for it once completed', async () => {
    const server = await ServerUnderTest.start(undefined, { ...EXTENSION_INITIALIZATION_OPTIONS });
    const uri = 'file:///work/compact.ps1';
    try {
      const [compact] = problems((await server.open(uri, WRONG_PROXY)).diagnostics);
      assert.deepEqual(compact, {
        range: { start: { line: 1, character: 48 }, end: { line: 1, character: 75 } },
        severity: DiagnosticSeverity.Error,
        code: 'skype-proxy-fqdn',
        message: compact.message,
      });
      // As the extension completes it (client/src/extension.ts), and as the client sends it back.
      const completed: { source?: string; code?: string | number | { value: string | number; target: string } } = { ...compact };
      completeDiagnostic(completed, (ruleId) => `file:///extension/docs/rules/${ruleId}.md`);
      assert.deepEqual(completed.code, { value: 'skype-proxy-fqdn', target: 'file:///extension/docs/rules/skype-proxy-fqdn.md' });
      assert.equal(completed.source, 'lync-pic');
      const sentBack = { ...compact, source: completed.source, codeDescription: { href: 'file:///extension/docs/rules/skype-proxy-fqdn.md' } };
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: compact.range,
        context: { diagnostics: [sentBack], only: ['quickfix'] },
      })) as CodeAction[];
      assert.deepEqual(
        actions.map((a) => a.title),
        ['Change to federation.messenger.msn.com', 'Disable skype-proxy-fqdn for this line', 'Show documentation for skype-proxy-fqdn'],
      );
    } finally {
      await server.stop();
    }
  });

  it('leaves a diagnostic that has a source as it is', () => {
    const other = { source: 'PowerShell', code: 'ParseError' };
    completeDiagnostic(other, () => 'never');
    assert.deepEqual(other, { source: 'PowerShell', code: 'ParseError' });
  });
});

describe('language server settings', () => {
  it('takes the target version from workspace/configuration', async () => {
    const lync2010 = await ServerUnderTest.start({ targetVersion: 'lync2010' });
    const any = await ServerUnderTest.start({ targetVersion: 'any', rules: { 'skype-routing-domain': 'error' } });
    try {
      assert.deepEqual(problems((await lync2010.open('file:///work/t.ps1', NO_ROUTING)).diagnostics), []);
      const diagnostics = problems((await any.open('file:///work/t.ps1', NO_ROUTING)).diagnostics);
      assert.deepEqual(
        diagnostics.map((d) => [d.code, d.severity]),
        [
          ['skype-routing-domain', DiagnosticSeverity.Error],
          ['skype-excluded-domains', DiagnosticSeverity.Warning],
        ],
      );
    } finally {
      await Promise.all([lync2010.stop(), any.stop()]);
    }
  });

  it('with run=onSave, lints on open and save but not while typing', async () => {
    const server = await ServerUnderTest.start({ run: 'onSave' });
    const uri = 'file:///work/on-save.ps1';
    try {
      assert.deepEqual(problems((await server.open(uri, 'Get-CsPublicProvider\n')).diagnostics), []);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: WRONG_PROXY }],
      });
      const saved = server.nextDiagnostics(uri, 2);
      // The change alone publishes nothing: the next publication is the one the save triggers.
      await server.connection.sendNotification(DidSaveTextDocumentNotification.type, { textDocument: { uri } });
      assert.deepEqual(
        problems((await saved).diagnostics).map((d) => d.code),
        ['skype-proxy-fqdn'],
      );
      assert.equal(server.published.filter((p) => p.uri === uri).length, 2, 'one publication on open, one on save');
    } finally {
      await server.stop();
    }
  });

  it('leaves syntax errors to the PowerShell extension when it is active, unless lyncPic.syntaxErrors says otherwise', async () => {
    const text = `$domains = @('msn.com'\n${WRONG_PROXY}`;
    const codes = async (settings: Record<string, unknown>, powerShellExtensionActive: boolean): Promise<string[]> => {
      const server = await ServerUnderTest.start(settings, { powerShellExtensionActive });
      try {
        return problems((await server.open('file:///work/syntax.ps1', text)).diagnostics)
          .map((d) => String(d.code))
          .sort();
      } finally {
        await server.stop();
      }
    };
    const both = ['skype-proxy-fqdn', 'syntax-error'];
    assert.deepEqual(await codes({}, false), both);
    assert.deepEqual(await codes({}, true), ['skype-proxy-fqdn']);
    assert.deepEqual(await codes({ syntaxErrors: 'always' }, true), both);
    assert.deepEqual(await codes({ syntaxErrors: 'never' }, false), ['skype-proxy-fqdn']);
  });
});
