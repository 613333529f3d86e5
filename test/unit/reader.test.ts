import { readFileSync } from 'node:fs';
import { before, describe, it } from 'node:test';
import { strict as assert } from 'node:assert';
import { PowerShellParser, readTree } from '../../server/src/engine/parse/parser';
import { checkReader } from '../../server/src/engine/parse/reader';
import { fixturesAndExamples } from '../helpers';
import { assertElementFacts, assertReaderAgrees, assertUnwrapShortcutAgrees } from '../walk-check';

let parser: PowerShellParser;
before(async () => {
  parser = await PowerShellParser.create();
});

describe('the tree reader', () => {
  it('reads every node of every test fixture and example as web-tree-sitter does', () => {
    const files = fixturesAndExamples();
    assert.ok(files.length > 50, `${files.length} scripts`);
    for (const file of files) assertReaderAgrees(parser, readFileSync(file, 'utf8'));
  });

  it('finds that a command element starting with a space is a separator, and elements apart only by padding, in every test fixture and example', () => {
    for (const file of fixturesAndExamples()) assertElementFacts(parser, readFileSync(file, 'utf8'));
    assertElementFacts(parser, "Set-CsUser  -Identity  a\t -Enabled :$true `\n  -X 'y' # c\n");
    assertElementFacts(parser, "Set-CsUser -A:1 -B `\n  'x'\u00A0-C\u200B2 <# c #>-D @{a=1;b=(2)}|Out-Null");
  });

  it('finds through expression wrappers what the step-by-step unwrapping finds, in every test fixture and example', () => {
    for (const file of fixturesAndExamples()) assertUnwrapShortcutAgrees(parser, readFileSync(file, 'utf8'));
    assertUnwrapShortcutAgrees(parser, "X -A 0x1F -B 10kb -C 1.5 -D -1 -E @'\nx\n'@ -F \"a$b\" -G ('a') -H @{a=1} -I { 1 } -J @(1) -K $a.b -L [int]3");
  });

  it('reads offsets in UTF-16 code units and trees with errors and missing nodes as web-tree-sitter does', () => {
    const cases = [
      '\uFEFFNew-CsPublicProvider \u2013Identity Skype # \u00e9t\u00e9 \uD83D\uDE00\r\nGet-CsPublicProvider',
      "Set-CsPublicProvider -Identity 'Sky\uD83D\uDE00pe' -ProxyFqdn (",
      'if ($a) { New-CsAllowedDomain -Identity "a.com" ',
      '@{ a = ; b = @( 1, , 2 ) }',
      '\u0000\u0001\uFFFD garbage ))) ]]] }}}',
    ];
    for (const text of cases) assertReaderAgrees(parser, text);
  });

  it('reads as web-tree-sitter does after WebAssembly memory grew (a tree of 40,000 lines)', () => {
    const script = readFileSync(fixturesAndExamples().find((file) => file.endsWith('enable-skype-connectivity.ps1')) ?? '', 'utf8');
    const lines = script.split('\n').length;
    const text = Array.from({ length: Math.ceil(40_000 / lines) }, () => script).join('\n');
    const tree = parser.parse(text);
    try {
      // The last statement, read after the parse grew the module's memory (and replaced its views).
      const list = tree.rootNode.lastChild;
      const last = list?.type === 'statement_list' ? list.lastChild : list;
      assert.ok(last && last.endIndex > text.length - 200, 'the tree reaches the end of the text');
      checkReader(readTree(tree), tree, last);
    } finally {
      tree.delete();
    }
  });

  it('is told apart from web-tree-sitter when it reads a node differently', () => {
    const tree = parser.parse("New-CsPublicProvider -Identity Skype -ProxyFqdn 'federation.messenger.msn.com'");
    try {
      const reader = readTree(tree);
      // A reader whose node ends are one code unit off: what a change in web-tree-sitter's marshalling would do.
      const offByOne = new Proxy(reader, {
        get(target, property) {
          if (property === 'end') return (ref: number) => target.end(ref) + 1;
          const value: unknown = Reflect.get(target, property);
          return typeof value === 'function' ? (value as (...args: unknown[]) => unknown).bind(target) : value;
        },
      });
      assert.throws(() => checkReader(offByOne, tree), /disagrees with web-tree-sitter on the end of root/);
      assert.doesNotThrow(() => checkReader(reader, tree));
    } finally {
      tree.delete();
    }
  });
});
