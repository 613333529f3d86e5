import { strict as assert } from 'node:assert';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import { DidChangeTextDocumentNotification, type PublishDiagnosticsParams } from 'vscode-languageserver-protocol/node';
import { RESEND_DIAGNOSTICS_METHOD, type DiagnosticSplices } from '../../server/src/lsp/diagnostic-splices';
import { REPO_ROOT } from '../helpers';
import { prng } from '../random';
import { randomEdit } from '../random-edits';
import { ServerUnderTest } from './client';

/** A provider command with a wrong ProxyFqdn: three findings each. */
const wrongProvider = (n: number): string =>
  `New-CsPublicProvider -Identity Skype${n} -ProxyFqdn federation.messenger.msn.net -Enabled $true -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com"\n`;
const PROVIDERS = Array.from({ length: 20 }, (_, n) => wrongProvider(n)).join('');
const SCRIPT = `# Connects the deployment to Skype.\n${PROVIDERS}# end\n`;

/** How many diagnostics an update sends, and how many it removes. */
const carried = (update?: DiagnosticSplices<unknown>): number => update?.splices.reduce((sum, splice) => sum + splice.diagnostics.length, 0) ?? 0;
const deleted = (update?: DiagnosticSplices<unknown>): number => update?.splices.reduce((sum, splice) => sum + splice.deleteCount, 0) ?? 0;

async function change(server: ServerUnderTest, uri: string, version: number, text: string): Promise<PublishDiagnosticsParams> {
  const published = server.nextDiagnostics(uri, version);
  await server.connection.sendNotification(DidChangeTextDocumentNotification.type, { textDocument: { uri, version }, contentChanges: [{ text }] });
  return published;
}

describe('diagnostics as splices (diagnosticSplices)', () => {
  let spliced: ServerUnderTest;
  before(async () => {
    spliced = await ServerUnderTest.start(undefined, { diagnosticSplices: true });
  });
  after(async () => spliced.stop());

  it('sends a whole list first, then only what changed', async () => {
    const uri = 'file:///work/splices.ps1';
    const opened = await spliced.open(uri, SCRIPT);
    const count = opened.diagnostics.length;
    assert.ok(count >= 60, `expected the 20 providers' findings, got ${count}`);
    assert.deepEqual(spliced.splices.at(-1), { uri, version: 1, held: 0, splices: [{ start: 0, deleteCount: 0, diagnostics: opened.diagnostics }] });

    // A character typed in the last comment: only the findings read again (the last command's, the script's) are sent.
    const typedText = SCRIPT.replace('# end', '# ends');
    const typed = await change(spliced, uri, 2, typedText);
    assert.equal(typed.diagnostics.length, count);
    assert.equal(spliced.splices.at(-1)?.held, count);
    assert.ok(carried(spliced.splices.at(-1)) <= 4, JSON.stringify(spliced.splices.at(-1)));

    // The 11th provider's ProxyFqdn corrected: its finding about it goes, and few others are sent again.
    const fixed = typedText.replace(wrongProvider(10), wrongProvider(10).replace('msn.net', 'msn.com'));
    const corrected = await change(spliced, uri, 3, fixed);
    const update = spliced.splices.at(-1);
    assert.equal(corrected.diagnostics.length, count - 1);
    assert.equal(update?.held, count);
    assert.equal(deleted(update) - carried(update), 1);
    assert.ok(carried(update) <= 10, JSON.stringify(update));
  });

  it('sends the whole list again when the client asks, and an empty one when the document closes', async () => {
    const uri = 'file:///work/resend.ps1';
    const opened = await spliced.open(uri, SCRIPT);
    const resent = spliced.nextDiagnostics(uri, 1);
    await spliced.connection.sendNotification(RESEND_DIAGNOSTICS_METHOD, { uri });
    assert.deepEqual((await resent).diagnostics, opened.diagnostics);
    assert.deepEqual(spliced.splices.at(-1), { uri, version: 1, held: 0, splices: [{ start: 0, deleteCount: 0, diagnostics: opened.diagnostics }] });

    const closed = spliced.nextDiagnostics(uri);
    await spliced.connection.sendNotification('textDocument/didClose', { textDocument: { uri } });
    assert.deepEqual((await closed).diagnostics, []);
    assert.deepEqual(spliced.splices.at(-1), {
      uri,
      held: opened.diagnostics.length,
      splices: [{ start: 0, deleteCount: opened.diagnostics.length, diagnostics: [] }],
    });
  });

  it('rebuilds, version after version, the lists a client without splices is sent, those of the text opened afresh', async () => {
    const whole = await ServerUnderTest.start();
    try {
      const uri = 'file:///work/random.ps1';
      const random = prng(20261203);
      let text = `${readFileSync(join(REPO_ROOT, 'examples', 'enable-skype-connectivity.ps1'), 'utf8')}\n${PROVIDERS}`;
      assert.deepEqual((await spliced.open(uri, text)).diagnostics, (await whole.open(uri, text)).diagnostics);
      let sent = 0;
      let total = 0;
      for (let version = 2; version < 60; version++) {
        text = randomEdit(text, random);
        const [fromSplices, published] = await Promise.all([change(spliced, uri, version, text), change(whole, uri, version, text)]);
        assert.deepEqual(fromSplices.diagnostics, published.diagnostics, `version ${version}`);
        // Both made from the lint before: they are those of the same text opened afresh.
        assert.deepEqual((await whole.open(`file:///work/afresh-${version}.ps1`, text)).diagnostics, published.diagnostics, `version ${version}, afresh`);
        sent += carried(spliced.splices.at(-1));
        total += published.diagnostics.length;
      }
      // Most edits leave most findings as they were (not those that add or remove lines before them): the splices carry
      // a fraction of what the whole lists do.
      assert.ok(sent < total / 2, `splices carried ${sent} diagnostics, the whole lists ${total}`);
      assert.deepEqual(
        spliced.logs.filter((line) => /does not fit/.test(line)),
        [],
      );
    } finally {
      await whole.stop();
    }
  });
});
