import { strict as assert } from 'node:assert';
import { after, before, describe, it } from 'node:test';
import { CodeActionRequest, type CodeAction, type TextEdit } from 'vscode-languageserver-protocol/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { problems, ServerUnderTest } from './client';

const SCRIPT = [
  'Remove-CsPublicProvider -Identity Skype',
  'New-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.co `',
  '    -Enabled true',
  '',
].join('\n');

function apply(text: string, edits: readonly TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x.ps1', 'powershell', 1, text), [...edits]);
}

describe('code actions over the protocol', () => {
  let server: ServerUnderTest;
  const uri = 'file:///work/actions.ps1';
  before(async () => {
    server = await ServerUnderTest.start({ targetVersion: 'sfb2019' });
  });
  after(async () => server.stop());

  async function actions(range: CodeActionRequestRange, only?: string[], diagnostics: unknown[] = []): Promise<CodeAction[]> {
    return (await server.connection.sendRequest(CodeActionRequest.type, {
      textDocument: { uri },
      range,
      context: { diagnostics: diagnostics as never, only },
    })) as CodeAction[];
  }
  type CodeActionRequestRange = { start: { line: number; character: number }; end: { line: number; character: number } };

  it('source.fixAll.lyncPic applies every safe fix, and the result lints clean of them', async () => {
    await server.open(uri, SCRIPT);
    const [fixAll] = await actions({ start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, ['source.fixAll']);
    assert.equal(fixAll.kind, 'source.fixAll.lyncPic');
    const fixed = apply(SCRIPT, fixAll.edit?.changes?.[uri] ?? []);
    assert.equal(
      fixed,
      'Remove-CsPublicProvider -Identity Skype\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation.messenger.msn.com `\n    -Enabled $true' +
        ' -NameDecorationRoutingDomain msn.com -NameDecorationExcludedDomainList "msn.com,outlook.com,live.com,hotmail.com"\n',
    );
    const diagnostics = problems((await server.open('file:///work/fixed.ps1', fixed)).diagnostics);
    assert.deepEqual(
      diagnostics.map((d) => d.code),
      ['skype-directory-search'],
      'only the information-level suggestion, which has no safe fix, is left',
    );
  });

  it('offers fix, disable-for-this-line and documentation for a diagnostic; the disable comment silences it', async () => {
    const diagnostics = problems((await server.open(uri, SCRIPT, 2)).diagnostics);
    const invalid = diagnostics.find((d) => d.code === 'invalid-value');
    assert.ok(invalid);
    const offered = await actions(invalid.range, ['quickfix'], [invalid]);
    assert.deepEqual(
      offered.map((a) => a.title),
      ['Change to $true', 'Disable invalid-value for this line', 'Show documentation for invalid-value'],
    );
    assert.equal(offered[2].command?.command, 'lyncPic.showDocumentation');
    assert.match(String(offered[2].command?.arguments?.[0]), /docs\/rules\/invalid-value\.md$/);
    const silenced = apply(SCRIPT, offered[1].edit?.changes?.[uri] ?? []);
    assert.equal(silenced.split('\n')[1], '# lync-pic-disable-next-line invalid-value', 'the comment goes above the first line of the continued command');
    const after = await server.open('file:///work/silenced.ps1', silenced);
    assert.ok(!problems(after.diagnostics).some((d) => d.code === 'invalid-value'));
  });

  it('inserts and replaces the documented Skype provider command for the target version', async () => {
    const inserted = await actions({ start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, ['source.lyncPic.insertSkypeProvider']);
    assert.deepEqual(
      inserted.map((a) => a.title),
      ['Insert the documented Skype provider command', 'Insert the documented Skype provider command, removing an existing Skype provider first'],
    );
    const withInsert = apply(SCRIPT, inserted[0].edit?.changes?.[uri] ?? []);
    assert.match(withInsert, /\nNew-CsPublicProvider -Identity Skype -ProxyFqdn federation\.messenger\.msn\.com .*-EnableSkypeDirectorySearch \$true\n$/);

    const rewrites = await actions({ start: { line: 1, character: 5 }, end: { line: 1, character: 5 } }, ['refactor.rewrite']);
    assert.deepEqual(
      rewrites.map((a) => a.title),
      ['Replace with the documented Skype provider command'],
    );
    const replaced = apply(SCRIPT, rewrites[0].edit?.changes?.[uri] ?? []);
    const diagnostics = problems((await server.open('file:///work/replaced.ps1', replaced)).diagnostics);
    assert.deepEqual(diagnostics, [], 'the documented command lints clean');
  });
});
