import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import {
  CancellationTokenSource,
  CodeActionRequest,
  CompletionRequest,
  DiagnosticSeverity,
  DidChangeTextDocumentNotification,
  DidCloseTextDocumentNotification,
  DidOpenTextDocumentNotification,
  ErrorCodes,
  HoverRequest,
  LSPErrorCodes,
  ResponseError,
  type CodeAction,
  type Hover,
  type TextDocumentContentChangeEvent,
} from 'vscode-languageserver-protocol/node';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { lintText, REPO_ROOT } from '../helpers';
import { EXTENSION_INITIALIZATION_OPTIONS } from '../../server/src/lsp/initialization';
import { problems, ServerUnderTest } from './client';
import { prng } from '../random';

/**
 * The server over the protocol, fed what an editor should never send but sometimes does: garbage, a huge file,
 * bursts of edits, positions outside the document, cancelled requests, unknown methods. It answers or errs as the
 * protocol says, and it is still alive at the end.
 */

function garbage(random: () => number, length: number): string {
  const pieces = [
    '\0',
    '\uFEFF',
    '\uD800',
    '\uDFFF',
    '\r',
    '\n',
    '\r\n',
    '"',
    "'",
    '@"',
    '"@',
    '{',
    '}',
    '<#',
    '#>',
    '`',
    '\u2013',
    'New-CsPublicProvider -',
    '-Identity',
    '$',
  ];
  let out = '';
  while (out.length < length) out += random() < 0.5 ? pieces[Math.floor(random() * pieces.length)] : String.fromCharCode(Math.floor(random() * 0x10000));
  return out;
}

const SKYPE_SCRIPT =
  'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n';

async function hoverAt(server: ServerUnderTest, uri: string, line: number, character: number): Promise<Hover | null> {
  return server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line, character } });
}

// With publishDiagnostics, and with the diagnostics sent as splices, as the extension asks for them.
for (const [how, initializationOptions] of [
  ['publishDiagnostics', undefined],
  ['splices, as the extension asks', { ...EXTENSION_INITIALIZATION_OPTIONS }],
] as const) {
  describe(`language server robustness (${how})`, () => {
    let server: ServerUnderTest;
    before(async () => {
      server = await ServerUnderTest.start(undefined, initializationOptions);
    });
    after(async () => {
      assert.deepEqual(
        server.logs.filter((line) => /do not fit/.test(line)),
        [],
        'splices that did not fit',
      );
      await server.stop();
    });

    it('lints documents of garbage, changed by garbage, and forgets them on close', async () => {
      const random = prng(7);
      for (let i = 0; i < 5; i++) {
        const uri = `file:///work/garbage-${i}.ps1`;
        await server.open(uri, garbage(random, 2000 + i * 3000));
        let text = garbage(random, 500);
        const changed = server.nextDiagnostics(uri, 2);
        await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version: 2 }, contentChanges: [{ text }] });
        await changed;
        // Incremental changes with garbage, at random places.
        for (let version = 3; version < 13; version++) {
          const start = Math.floor(random() * text.length);
          const end = Math.min(text.length, start + Math.floor(random() * 50));
          const inserted = garbage(random, Math.floor(random() * 40));
          const range = { start: positionAt(text, start), end: positionAt(text, end) };
          text = text.slice(0, start) + inserted + text.slice(end);
          const published = server.nextDiagnostics(uri, version);
          await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
            textDocument: { uri, version },
            contentChanges: [{ range, text: inserted }],
          });
          await published;
        }
        const closed = server.nextDiagnostics(uri);
        await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
        assert.deepEqual((await closed).diagnostics, [], 'closing clears the diagnostics');
      }
    });

    it('skips a 10 MB file with one information diagnostic that names the setting', async () => {
      const uri = 'file:///work/huge.ps1';
      const line = 'Set-CsPublicProvider -Identity Skype -Enabled $true # padding padding padding padding padding padding\n';
      const text = line.repeat(Math.ceil((10 * 1024 * 1024) / line.length));
      const { diagnostics } = await server.open(uri, text);
      assert.equal(diagnostics.length, 1);
      const [d] = diagnostics;
      assert.equal(d.severity, DiagnosticSeverity.Information);
      assert.equal(d.code, 'file-too-large');
      assert.deepEqual(d.range, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } });
      assert.match(d.message, /10,2\d\d KB.*lyncPic\.maxFileSizeKB setting \(2,048 KB\)/);
      // Editing it keeps it skipped; hover, completion and code actions answer at once with nothing.
      const next = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: 'x' }],
      });
      assert.deepEqual(
        (await next).diagnostics.map((x) => x.code),
        ['file-too-large'],
      );
      assert.equal(await hoverAt(server, uri, 0, 2), null);
      assert.deepEqual(await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 0, character: 1 } }), []);
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri } });
    });

    it('coalesces a rapid burst of edits and publishes the last version', async () => {
      const uri = 'file:///work/burst-robust.ps1';
      await server.open(uri, SKYPE_SCRIPT);
      const last = 201;
      const published = server.nextDiagnostics(uri, last);
      for (let version = 2; version <= last; version++) {
        const change: TextDocumentContentChangeEvent =
          version === last
            ? { text: SKYPE_SCRIPT }
            : { range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: version % 2 ? '#' : ' ' };
        void server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [change] });
      }
      assert.deepEqual(
        problems((await published).diagnostics).map((d) => d.code),
        ['skype-proxy-fqdn'],
      );
      const versions = server.published.filter((p) => p.uri === uri).map((p) => p.version);
      assert.ok(versions.length < 50, `expected the burst of 200 edits to be coalesced, got ${versions.length} publications`);
    });

    it('answers requests for positions outside the document', async () => {
      const uri = 'file:///work/outside.ps1';
      const { diagnostics } = await server.open(uri, SKYPE_SCRIPT);
      const far = { line: 1000, character: 5000 };
      const actions = (await server.connection.sendRequest(CodeActionRequest.type, {
        textDocument: { uri },
        range: { start: far, end: { line: 2000, character: 0 } },
        context: { diagnostics: [...diagnostics, { ...diagnostics[0], range: { start: far, end: far } }] },
      })) as CodeAction[];
      assert.ok(Array.isArray(actions));
      assert.equal(server.capabilities.hoverProvider, true);
      assert.equal(await hoverAt(server, uri, 1000, 5000), null);
      assert.equal(await hoverAt(server, uri, 0, 9999), null);
      const items = await server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: far });
      assert.ok(Array.isArray(items) || items === null || Array.isArray(items?.items));
      // A document the server never saw.
      assert.equal(await hoverAt(server, 'file:///work/never-opened.ps1', 0, 0), null);
      assert.deepEqual(
        await server.connection.sendRequest(CodeActionRequest.type, {
          textDocument: { uri: 'file:///work/never-opened.ps1' },
          range: { start: far, end: far },
          context: { diagnostics: [] },
        }),
        [],
      );
    });

    it('handles cancelled requests, unknown methods and notifications for unknown documents', async () => {
      const uri = 'file:///work/cancel.ps1';
      await server.open(uri, SKYPE_SCRIPT);
      // Cancelled right away: the server answers, or errs with RequestCancelled.
      const outcomes = await Promise.all(
        Array.from({ length: 20 }, async (_, i) => {
          const source = new CancellationTokenSource();
          const request =
            i % 2 === 0
              ? server.connection.sendRequest(HoverRequest.type, { textDocument: { uri }, position: { line: 1, character: 3 } }, source.token)
              : server.connection.sendRequest(CompletionRequest.type, { textDocument: { uri }, position: { line: 1, character: 22 } }, source.token);
          source.cancel();
          try {
            await request;
            return 'answered';
          } catch (error) {
            assert.ok(error instanceof ResponseError, String(error));
            assert.equal(error.code, LSPErrorCodes.RequestCancelled);
            return 'cancelled';
          }
        }),
      );
      assert.equal(outcomes.length, 20);
      // An unknown method: MethodNotFound.
      await assert.rejects(
        server.connection.sendRequest('lyncPic/noSuchMethod', {}),
        (error: unknown) => error instanceof ResponseError && error.code === ErrorCodes.MethodNotFound,
      );
      // Notifications about documents that are not open are ignored.
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri: 'file:///work/not-open.ps1', version: 5 },
        contentChanges: [{ text: 'x' }],
      });
      await server.connection.sendNotification(DidCloseTextDocumentNotification.type, { textDocument: { uri: 'file:///work/not-open.ps1' } });
      // Opening the same document twice replaces it.
      await server.connection.sendNotification(DidOpenTextDocumentNotification.type, {
        textDocument: { uri, languageId: 'powershell', version: 7, text: 'Get-CsPublicProvider\n' },
      });
    });

    it("publishes for an edit between two versions with syntax errors what a fresh lint (the CLI's) finds", async () => {
      const { before, after } = JSON.parse(readFileSync(join(REPO_ROOT, 'test', 'fixtures', 'edit-with-errors.json'), 'utf8')) as {
        before: string;
        after: string;
      };
      const expected = (await lintText(after)).findings.map((f) => `${f.range.start.line}:${f.range.start.character} ${f.ruleId}`);
      assert.ok(expected.length > 0);
      const uri = 'file:///work/edit-with-errors.ps1';
      await server.open(uri, before);
      const published = server.nextDiagnostics(uri, 2);
      await server.connection.sendNotification(DidChangeTextDocumentNotification.type, {
        textDocument: { uri, version: 2 },
        contentChanges: [{ text: after }],
      });
      const shown = (await published).diagnostics.map((d) => `${d.range.start.line}:${d.range.start.character} ${String(d.code)}`);
      assert.deepEqual(shown, expected);
    });

    it('is still alive: it answers a hover', async () => {
      const uri = 'file:///work/alive.ps1';
      await server.open(uri, SKYPE_SCRIPT);
      const result = await hoverAt(server, uri, 1, 5);
      assert.ok(result, 'a hover on New-CsPublicProvider');
      assert.equal(server.process.exitCode, null);
    });
  });
}

/** The LSP position of an offset (lines end at CRLF, CR or LF). */
function positionAt(text: string, offset: number): { line: number; character: number } {
  const lines = text.slice(0, offset).split(/\r\n|\r|\n/);
  return { line: lines.length - 1, character: lines[lines.length - 1].length };
}
